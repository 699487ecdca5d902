// SPDX-License-Identifier: Apache-2.0
#include "models/common/config/key_docs.h"

namespace sim::config {
namespace {

/// `|` would end a table cell.
std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string meaning(const Key& k) {
  std::string m = k.doc;
  if (k.kind == ValueKind::kChoice) {
    std::string list;
    for (const std::string& c : k.choices) list += (list.empty() ? "`" : ", `") + c + "`";
    m += "; one of " + list;
  }
  if (k.min && k.max)
    m += "; " + format_value(k.kind, *k.min) + ".." + format_value(k.kind, *k.max);
  else if (k.min && *k.min == 1)
    m += "; above zero";
  else if (k.min && *k.min > 0)
    m += "; at least " + format_value(k.kind, *k.min);
  if (k.min_number && k.max_number)
    m += "; " + format_real(*k.min_number) + ".." + format_real(*k.max_number);
  for (const std::string& w : k.words) m += "; or `" + w + "`";
  if (k.required) m += " (required)";
  return m;
}

void rows(const KeySet& keys, const std::string& prefix, Nesting nesting, std::string& out) {
  for (const Key& k : keys.keys()) {
    std::string path = prefix + k.name;
    if (k.kind == ValueKind::kNamedMaps) path += ".<name>";
    if (k.kind == ValueKind::kList) path += "[]";
    out += "| `" + path + "` | " + cell(meaning(k)) + " | " +
           (k.default_text.empty() ? "" : "`" + cell(k.default_text) + "`") + " | " +
           (k.example.empty() ? "" : "`" + cell(k.example) + "`") + " |\n";
    if (k.keys != nullptr && nesting == Nesting::kFlatten) rows(*k.keys, path + ".", nesting, out);
  }
}

} // namespace

std::string key_table(const KeySet& keys, const std::string& prefix, Nesting nesting) {
  std::string out = "| key | meaning | default | example |\n|---|---|---|---|\n";
  rows(keys, prefix, nesting, out);
  return out;
}

std::string variant_docs(const std::vector<std::pair<std::string, const KeySet*>>& variants,
                         const std::string& label) {
  std::string out;
  for (const auto& [name, keys] : variants) {
    out += "\n#### `" + name + "`" + (label.empty() ? "" : " (" + label + ")") + "\n\n" +
           keys->doc() + "\n\n";
    out += keys->keys().empty() ? "No settings: `" + name + ": {}`.\n" : key_table(*keys);
  }
  return out;
}

} // namespace sim::config
