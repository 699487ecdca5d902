// SPDX-License-Identifier: Apache-2.0
#include "models/common/config/config_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/common/config/config_error.h"

namespace sim::config {
namespace {

SourceLoc loc_of(const YAML::Mark& mark, const std::shared_ptr<const std::string>& file) {
  SourceLoc loc;
  loc.file = file;
  loc.line = mark.line >= 0 ? mark.line + 1 : 0;
  loc.column = mark.column >= 0 ? mark.column + 1 : 0;
  return loc;
}

// Hostile inputs: aliases (*a) can make a few hundred bytes expand to billions of values, so
// the conversion counts what it builds; no real board or scenario comes near the budget.
constexpr std::size_t kMaxValues = 200000;
constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

struct Budget {
  std::size_t left = kMaxValues;
};

ConfigValue convert(const YAML::Node& node, const std::shared_ptr<const std::string>& file,
                    Budget& budget) {
  if (budget.left-- == 0)
    throw ConfigError(loc_of(node.Mark(), file), "",
                      "more than " + std::to_string(kMaxValues) +
                          " values once YAML aliases (*name) are expanded: refused");
  ConfigValue v;
  v.loc = loc_of(node.Mark(), file);
  switch (node.Type()) {
  case YAML::NodeType::Undefined:
  case YAML::NodeType::Null:
    v.kind = ConfigValue::Kind::kNull;
    break;
  case YAML::NodeType::Scalar:
    v.kind = ConfigValue::Kind::kScalar;
    v.scalar = node.Scalar();
    v.quoted = node.Tag() == "!"; // "5.10" stays a string when written back
    break;
  case YAML::NodeType::Sequence:
    v.kind = ConfigValue::Kind::kSequence;
    for (const auto& item : node) v.sequence.push_back(convert(item, file, budget));
    break;
  case YAML::NodeType::Map:
    v.kind = ConfigValue::Kind::kMap;
    for (const auto& kv : node) {
      SourceLoc key_loc = loc_of(kv.first.Mark(), file);
      if (!kv.first.IsScalar()) throw ConfigError(key_loc, "", "map keys must be plain words");
      std::string key = kv.first.Scalar();
      if (v.find(key) != nullptr) throw ConfigError(key_loc, key, "duplicate key");
      ConfigEntry e;
      e.key = key;
      e.key_loc = key_loc;
      e.value = std::make_unique<ConfigValue>(convert(kv.second, file, budget));
      v.map.push_back(std::move(e));
    }
    break;
  }
  return v;
}

/// Where a document's first event is, and whether there was one.
class FirstEvent : public YAML::EventHandler {
public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { see(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { see(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    see(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    see(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    see(m);
  }
  void OnMapEnd() override {}

  bool seen = false;
  YAML::Mark mark;

private:
  void see(const YAML::Mark& m) {
    if (seen) return;
    seen = true;
    mark = m;
  }
};

/// Refuses a second document. yaml-cpp 0.7's LoadAll never returns on some invalid input (a
/// lone ','): its parser hands out the same empty document again and again without consuming
/// anything (jbeder/yaml-cpp #1040, fixed in 0.8 by PR #1319). So the documents are counted
/// here, two at most, and a second one that starts where the first did is that syntax error.
void require_one_document(const std::string& text, const std::shared_ptr<const std::string>& file) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  FirstEvent first;
  if (!parser.HandleNextDocument(first)) return;
  FirstEvent second;
  if (!parser.HandleNextDocument(second)) return;
  if (second.seen && first.seen && second.mark.pos == first.mark.pos)
    throw ConfigError(loc_of(second.mark, file), "",
                      "YAML syntax error: nothing a document can start with here");
  throw ConfigError(loc_of(second.mark, file), "",
                    "a second YAML document (after ---): a file holds one");
}

ConfigValue parse(std::string_view text, const std::string& origin) {
  auto file = std::make_shared<const std::string>(origin);
  try {
    const std::string input(text);
    require_one_document(input, file);
    const YAML::Node doc = YAML::Load(input);
    Budget budget;
    ConfigValue v = convert(doc, file, budget);
    if (v.loc.line == 0) v.loc.line = 1;
    return v;
  } catch (const YAML::Exception& e) {
    throw ConfigError(loc_of(e.mark, file), "", "YAML syntax error: " + e.msg);
  }
}

void emit(YAML::Emitter& out, const ConfigValue& v) {
  switch (v.kind) {
  case ConfigValue::Kind::kNull:
    out << YAML::Null;
    break;
  case ConfigValue::Kind::kScalar:
    if (v.quoted) out << YAML::DoubleQuoted;
    out << v.scalar;
    break;
  case ConfigValue::Kind::kSequence:
    out << YAML::BeginSeq;
    for (const auto& item : v.sequence) emit(out, item);
    out << YAML::EndSeq;
    break;
  case ConfigValue::Kind::kMap:
    out << YAML::BeginMap;
    for (const auto& e : v.map) {
      out << YAML::Key << e.key << YAML::Value;
      emit(out, *e.value);
    }
    out << YAML::EndMap;
    break;
  }
}

} // namespace

std::string SourceLoc::str() const {
  std::string s = file ? *file : std::string("<input>");
  if (line > 0) s += ":" + std::to_string(line);
  return s;
}

ConfigValue::ConfigValue(const ConfigValue& other)
    : kind(other.kind), scalar(other.scalar), quoted(other.quoted), sequence(other.sequence),
      loc(other.loc) {
  for (const auto& e : other.map) {
    ConfigEntry copy;
    copy.key = e.key;
    copy.key_loc = e.key_loc;
    copy.value = std::make_unique<ConfigValue>(*e.value);
    map.push_back(std::move(copy));
  }
}

ConfigValue& ConfigValue::operator=(const ConfigValue& other) {
  if (this != &other) *this = ConfigValue(other);
  return *this;
}

const ConfigEntry* ConfigValue::find(std::string_view key) const {
  for (const auto& e : map)
    if (e.key == key) return &e;
  return nullptr;
}

ConfigEntry* ConfigValue::find(std::string_view key) {
  for (auto& e : map)
    if (e.key == key) return &e;
  return nullptr;
}

ConfigValue& ConfigValue::set(std::string_view key, ConfigValue value, SourceLoc key_loc) {
  if (kind == Kind::kNull) kind = Kind::kMap;
  if (ConfigEntry* e = find(key)) {
    *e->value = std::move(value);
    return *e->value;
  }
  ConfigEntry e;
  e.key = std::string(key);
  e.key_loc = key_loc.file ? key_loc : value.loc;
  e.value = std::make_unique<ConfigValue>(std::move(value));
  map.push_back(std::move(e));
  return *map.back().value;
}

ConfigValue load_file(const std::string& path) {
  SourceLoc loc;
  loc.file = std::make_shared<const std::string>(path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw ConfigError(loc, "", "is a directory, not a YAML file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes)
    throw ConfigError(loc, "",
                      "is " + std::to_string(size) + " bytes: more than a board or " +
                          "scenario file may be (" + std::to_string(kMaxFileBytes) + ")");
  std::ifstream in(path);
  if (!in) throw ConfigError(loc, "", "cannot open file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

ConfigValue load_string(std::string_view text, const std::string& origin) {
  return parse(text, origin);
}

std::string to_yaml(const ConfigValue& value) {
  YAML::Emitter out;
  emit(out, value);
  return std::string(out.c_str()) + "\n";
}

void merge_into(ConfigValue& base, const ConfigValue& overlay) {
  if (base.kind == ConfigValue::Kind::kMap && overlay.kind == ConfigValue::Kind::kMap) {
    for (const auto& e : overlay.map) {
      if (ConfigEntry* existing = base.find(e.key)) {
        merge_into(*existing->value, *e.value);
        existing->key_loc = e.key_loc;
      } else {
        base.set(e.key, *e.value, e.key_loc);
      }
    }
    return;
  }
  base = overlay;
}

void set_path(ConfigValue& root, std::string_view dotted_path, ConfigValue value,
              const SourceLoc& where) {
  ConfigValue* node = &root;
  std::string done;
  std::size_t start = 0;
  while (start <= dotted_path.size()) {
    std::size_t dot = dotted_path.find('.', start);
    std::string_view part = dotted_path.substr(
        start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool last = dot == std::string_view::npos;
    // A part is `key` or `key[i]`.
    std::string key(part);
    long index = -1;
    std::size_t bracket = part.find('[');
    if (bracket != std::string_view::npos) {
      if (part.back() != ']')
        throw ConfigError(where, std::string(dotted_path), "malformed index in key path");
      key = std::string(part.substr(0, bracket));
      std::string idx(part.substr(bracket + 1, part.size() - bracket - 2));
      if (idx.empty() || idx.find_first_not_of("0123456789") != std::string::npos)
        throw ConfigError(where, std::string(dotted_path), "index must be a number");
      // No list holds a million items: a longer number is out of range, not a crash in stol.
      if (idx.size() > 6)
        throw ConfigError(where, std::string(dotted_path), "index " + idx + " out of range");
      index = std::stol(idx);
    }
    if (key.empty()) throw ConfigError(where, std::string(dotted_path), "empty key in key path");
    done += (done.empty() ? "" : ".") + key;
    if (node->kind != ConfigValue::Kind::kMap && node->kind != ConfigValue::Kind::kNull)
      throw ConfigError(where, done, "cannot set a key below a value that is not a map");
    bool leaf = last && index < 0;
    if (leaf) {
      SourceLoc key_loc = where;
      node->set(key, std::move(value), key_loc);
      return;
    }
    ConfigEntry* e = node->find(key);
    if (e == nullptr) {
      if (index >= 0) throw ConfigError(where, done, "no such list to index");
      ConfigValue empty;
      empty.kind = ConfigValue::Kind::kMap;
      empty.loc = where;
      node = &node->set(key, std::move(empty), where);
    } else {
      node = e->value.get();
    }
    if (index >= 0) {
      done += "[" + std::to_string(index) + "]";
      if (node->kind != ConfigValue::Kind::kSequence ||
          static_cast<std::size_t>(index) >= node->sequence.size())
        throw ConfigError(where, done, "index out of range");
      node = &node->sequence[static_cast<std::size_t>(index)];
      if (last) {
        *node = std::move(value);
        return;
      }
    }
    start = dot + 1;
  }
}

ConfigError::ConfigError(const SourceLoc& loc, const std::string& path, const std::string& message)
    : std::runtime_error(loc.str() + ": " + (path.empty() ? "" : path + ": ") + message), loc_(loc),
      path_(path), message_(message) {}

} // namespace sim::config
