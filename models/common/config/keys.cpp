// SPDX-License-Identifier: Apache-2.0
#include "models/common/config/keys.h"

#include <cstdio>
#include <memory>
#include <regex>

#include "models/common/model_error.h"

namespace sim::config {
namespace {

Key make(std::string name, ValueKind kind, std::string doc) {
  Key k;
  k.name = std::move(name);
  k.kind = kind;
  k.doc = std::move(doc);
  return k;
}

const char* kind_name(ValueKind k) {
  switch (k) {
  case ValueKind::kText:
    return "text";
  case ValueKind::kUint:
    return "uint";
  case ValueKind::kSize:
    return "size";
  case ValueKind::kTime:
    return "time";
  case ValueKind::kFrequency:
    return "frequency";
  case ValueKind::kLatency:
    return "latency";
  case ValueKind::kBool:
    return "bool";
  case ValueKind::kNumber:
    return "number";
  case ValueKind::kChoice:
    return "choice";
  case ValueKind::kCount:
    return "count";
  case ValueKind::kTextList:
    return "text list";
  case ValueKind::kMap:
    return "map";
  case ValueKind::kNamedMaps:
    return "named maps";
  case ValueKind::kList:
    return "list";
  case ValueKind::kVariants:
    return "variants";
  case ValueKind::kAny:
    return "any";
  }
  return "?";
}

} // namespace

std::string format_value(ValueKind kind, std::uint64_t v) {
  switch (kind) {
  case ValueKind::kSize:
    return format_bytes(v);
  case ValueKind::kTime:
    return format_time(v);
  case ValueKind::kFrequency:
    return std::to_string(v) + " Hz";
  default:
    return std::to_string(v);
  }
}

std::string format_real(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Key Key::text(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kText, std::move(doc));
}
Key Key::uint(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kUint, std::move(doc));
}
Key Key::size(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kSize, std::move(doc));
}
Key Key::time(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kTime, std::move(doc));
}
Key Key::frequency(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kFrequency, std::move(doc));
}
Key Key::latency(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kLatency, std::move(doc));
}
Key Key::boolean(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kBool, std::move(doc));
}
Key Key::number(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kNumber, std::move(doc));
}
Key Key::choice(std::string name, std::vector<std::string> choices, std::string doc) {
  Key k = make(std::move(name), ValueKind::kChoice, std::move(doc));
  k.choices = std::move(choices);
  return k;
}
Key Key::count(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kCount, std::move(doc));
}
Key Key::text_list(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kTextList, std::move(doc));
}
Key Key::map(std::string name, const KeySet& keys, std::string doc) {
  Key k = make(std::move(name), ValueKind::kMap, std::move(doc));
  k.keys = &keys;
  return k;
}
Key Key::named_maps(std::string name, std::string name_pattern, const KeySet& keys,
                    std::string doc) {
  Key k = make(std::move(name), ValueKind::kNamedMaps, std::move(doc));
  k.keys = &keys;
  k.name_pattern = std::move(name_pattern);
  return k;
}
Key Key::list(std::string name, const KeySet& keys, std::string doc) {
  Key k = make(std::move(name), ValueKind::kList, std::move(doc));
  k.keys = &keys;
  return k;
}
Key Key::variant_list(std::string name, std::vector<std::pair<std::string, const KeySet*>> of,
                      std::string doc) {
  Key k = make(std::move(name), ValueKind::kVariants, std::move(doc));
  k.variants = std::move(of);
  return k;
}
Key Key::any(std::string name, std::string doc) {
  return make(std::move(name), ValueKind::kAny, std::move(doc));
}

Key&& Key::needed() && {
  required = true;
  return std::move(*this);
}
Key&& Key::defaults_to(std::string text) && {
  default_text = std::move(text);
  return std::move(*this);
}
Key&& Key::range(std::uint64_t lo, std::uint64_t hi) && {
  min = lo;
  max = hi;
  return std::move(*this);
}
Key&& Key::at_least(std::uint64_t lo) && {
  min = lo;
  return std::move(*this);
}
Key&& Key::number_range(double lo, double hi) && {
  min_number = lo;
  max_number = hi;
  return std::move(*this);
}
Key&& Key::matching(std::string regex) && {
  pattern = std::move(regex);
  return std::move(*this);
}
Key&& Key::or_null() && {
  nullable = true;
  return std::move(*this);
}
Key&& Key::or_words(std::vector<std::string> w) && {
  words = std::move(w);
  return std::move(*this);
}
Key&& Key::eg(std::string text) && {
  example = std::move(text);
  return std::move(*this);
}

KeySet::KeySet(std::string id, std::string doc, std::vector<Key> keys)
    : id_(std::move(id)), doc_(std::move(doc)), keys_(std::move(keys)) {}

const Key* KeySet::find(std::string_view name) const {
  for (const Key& k : keys_)
    if (k.name == name) return &k;
  return nullptr;
}

const Key& KeySet::at(std::string_view name) const {
  if (const Key* k = find(name)) return *k;
  throw ModelError("key '" + std::string(name) + "' is not declared in " + id_);
}

void KeySet::check(const ConfigNode& node) const {
  if (node.is_null()) {
    for (const Key& k : keys_)
      if (k.required) node.fail("missing required key '" + k.name + "'");
    return;
  }
  node.require_map();
  std::vector<std::string> names;
  for (const Key& k : keys_) names.push_back(k.name);
  for (const ConfigEntry& e : node.value().map) {
    if (find(e.key) != nullptr) continue;
    e.used = true; // reported here, not again by check_all_used
    throw ConfigError(e.key_loc, node.path().empty() ? e.key : node.path() + "." + e.key,
                      "unknown key '" + e.key + "'" + did_you_mean(e.key, names));
  }
  for (const Key& k : keys_)
    if (k.required && !node.has(k.name)) node.fail("missing required key '" + k.name + "'");
}

KeyReader::KeyReader(const KeySet& keys, const ConfigNode& node) : keys_(keys), node_(node) {
  keys_.check(node_);
}

bool KeyReader::has(std::string_view key) const {
  keys_.at(key);
  return !node_.is_null() && node_.has(std::string(key));
}

std::optional<ConfigNode> KeyReader::get(std::string_view key) const {
  keys_.at(key);
  if (node_.is_null()) return std::nullopt;
  return node_.get(std::string(key));
}

ConfigNode KeyReader::at(std::string_view key) const {
  keys_.at(key);
  return node_.at(std::string(key));
}

const Key& KeyReader::declared(std::string_view key, std::initializer_list<ValueKind> kinds) const {
  const Key& k = keys_.at(key);
  for (ValueKind kind : kinds)
    if (k.kind == kind) return k;
  throw ModelError("key " + keys_.id() + "." + k.name + " is declared " + kind_name(k.kind) +
                   ", read as " + kind_name(*kinds.begin()));
}

std::optional<ConfigNode> KeyReader::value_or_default(const Key& key) const {
  if (std::optional<ConfigNode> n = get(key.name)) return n;
  if (key.default_text.empty()) {
    if (key.required) node_.fail("missing required key '" + key.name + "'");
    return std::nullopt;
  }
  auto v = std::make_unique<ConfigValue>();
  v->kind = ConfigValue::Kind::kScalar;
  v->scalar = key.default_text;
  v->loc.file = std::make_shared<const std::string>("the default of " + key.name);
  defaults_.push_back(std::move(v));
  const std::string path = node_.path().empty() ? key.name : node_.path() + "." + key.name;
  return ConfigNode(*defaults_.back(), path);
}

void KeyReader::check_range(const Key& key, const ConfigNode& at, std::uint64_t v) const {
  if ((!key.min || v >= *key.min) && (!key.max || v <= *key.max)) return;
  const auto text = [&key](std::uint64_t x) { return format_value(key.kind, x); };
  if (key.min && key.max)
    at.fail("must be within " + text(*key.min) + ".." + text(*key.max) + ", got " + text(v));
  if (key.min && *key.min == 1) at.fail("must be above zero");
  if (key.min) at.fail("must be at least " + text(*key.min) + ", got " + text(v));
  at.fail("must be at most " + text(*key.max) + ", got " + text(v));
}

std::optional<ConfigNode> KeyReader::node_or_default(std::string_view key) const {
  return value_or_default(keys_.at(key));
}

std::vector<std::pair<std::string, ConfigNode>> KeyReader::named(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kNamedMaps});
  const std::optional<ConfigNode> n = get(key);
  if (!n) return {};
  const std::regex pattern(k.name_pattern);
  std::vector<std::pair<std::string, ConfigNode>> out = n->entries();
  for (const auto& [name, value] : out)
    if (!std::regex_match(name, pattern))
      value.fail("'" + name + "' is not a name here: " + k.name + " are named by " +
                 k.name_pattern);
  return out;
}

std::vector<ConfigNode> KeyReader::items(std::string_view key) const {
  declared(key, {ValueKind::kList, ValueKind::kVariants});
  const std::optional<ConfigNode> n = get(key);
  if (!n) return {};
  return n->items();
}

std::uint64_t KeyReader::uint(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kUint});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default: use uint_if");
  const std::uint64_t v = n->uint();
  check_range(k, *n, v);
  return v;
}

unsigned KeyReader::small_uint(std::string_view key) const {
  const Key& k = keys_.at(key);
  if (!k.max || *k.max > UINT32_MAX)
    throw ModelError("key " + keys_.id() + "." + k.name + " needs a range that fits unsigned");
  return static_cast<unsigned>(uint(key));
}

std::optional<std::uint64_t> KeyReader::uint_if(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kUint});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) return std::nullopt;
  const std::uint64_t v = n->uint();
  check_range(k, *n, v);
  return v;
}

std::uint64_t KeyReader::size(std::string_view key) const {
  const std::optional<std::uint64_t> v = size_if(key);
  if (!v) throw ModelError("key " + keys_.id() + "." + std::string(key) + " has no default");
  return *v;
}

std::optional<std::uint64_t> KeyReader::size_if(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kSize});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) return std::nullopt;
  const std::uint64_t v = n->bytes();
  check_range(k, *n, v);
  return v;
}

Picoseconds KeyReader::time(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kTime});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  const Picoseconds v = n->time();
  check_range(k, *n, v);
  return v;
}

std::uint64_t KeyReader::frequency(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kFrequency});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  const std::uint64_t v = n->hz();
  check_range(k, *n, v);
  return v;
}

Latency KeyReader::latency(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kLatency});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  return n->latency();
}

bool KeyReader::boolean(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kBool});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  return n->boolean();
}

double KeyReader::number(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kNumber});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  const double v = n->number();
  // Written so that NaN fails too.
  if ((k.min_number && !(v >= *k.min_number)) || (k.max_number && !(v <= *k.max_number)))
    n->fail("must be within " + format_real(k.min_number.value_or(0)) + ".." +
            format_real(k.max_number.value_or(0)) + ", got " + n->value().scalar);
  return v;
}

std::string KeyReader::text(std::string_view key) const {
  const Key& k = declared(key, {ValueKind::kText});
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  std::string v = n->str();
  if (!k.pattern.empty() && !std::regex_match(v, std::regex(k.pattern)))
    n->fail("'" + v + "' does not match " + k.pattern);
  return v;
}

std::string KeyReader::choice_text(std::string_view key) const {
  return keys_.at(key).choices.at(choice_index(key, keys_.at(key).choices));
}

std::size_t KeyReader::choice_index(std::string_view key,
                                    const std::vector<std::string>& names) const {
  const Key& k = declared(key, {ValueKind::kChoice});
  if (names != k.choices)
    throw ModelError("key " + keys_.id() + "." + k.name +
                     " is read with other choices than "
                     "it declares");
  const std::optional<ConfigNode> n = value_or_default(k);
  if (!n) throw ModelError("key " + keys_.id() + "." + k.name + " has no default");
  const std::string name = n->str();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  n->fail_choice(name, k.choices);
}

} // namespace sim::config
