// SPDX-License-Identifier: Apache-2.0
#include "models/common/config/config_node.h"

#include <algorithm>
#include <limits>

namespace sim::config {

std::string ConfigNode::child_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void ConfigNode::fail(const std::string& message) const {
  throw ConfigError(loc(), path_, message);
}

void ConfigNode::require_map() const {
  if (!is_map() && !is_null()) fail("expected a map of keys");
}

bool ConfigNode::has(const std::string& key) const {
  return is_map() && v_->find(key) != nullptr;
}

ConfigNode ConfigNode::at(const std::string& key) const {
  std::optional<ConfigNode> n = get(key);
  if (!n) fail("missing required key '" + key + "'");
  return *n;
}

std::optional<ConfigNode> ConfigNode::get(const std::string& key) const {
  require_map();
  if (std::find(v_->known_keys.begin(), v_->known_keys.end(), key) == v_->known_keys.end())
    v_->known_keys.push_back(key);
  const ConfigEntry* e = v_->find(key);
  if (e == nullptr) return std::nullopt;
  e->used = true;
  return ConfigNode(*e->value, child_path(key));
}

std::vector<std::pair<std::string, ConfigNode>> ConfigNode::entries() const {
  require_map();
  std::vector<std::pair<std::string, ConfigNode>> out;
  for (const auto& e : v_->map) {
    e.used = true;
    out.emplace_back(e.key, ConfigNode(*e.value, child_path(e.key)));
  }
  return out;
}

std::vector<ConfigNode> ConfigNode::items() const {
  if (is_null()) return {};
  if (!is_sequence()) fail("expected a list");
  std::vector<ConfigNode> out;
  for (std::size_t i = 0; i < v_->sequence.size(); ++i)
    out.emplace_back(v_->sequence[i], path_ + "[" + std::to_string(i) + "]");
  return out;
}

const std::string& ConfigNode::scalar_text(const char* what) const {
  if (!is_scalar())
    fail(std::string("expected ") + what + ", got " +
         (is_map()        ? "a map"
          : is_sequence() ? "a list"
                          : "nothing"));
  return v_->scalar;
}

std::string ConfigNode::str() const {
  return scalar_text("a string");
}

std::uint64_t ConfigNode::uint() const {
  try {
    return parse_uint(scalar_text("an unsigned integer"));
  } catch (const UnitError& e) {
    fail(e.what());
  }
}

std::uint32_t ConfigNode::uint32() const {
  std::uint64_t v = uint();
  if (v > std::numeric_limits<std::uint32_t>::max()) fail("value does not fit in 32 bits");
  return static_cast<std::uint32_t>(v);
}

bool ConfigNode::boolean() const {
  const std::string& s = scalar_text("true or false");
  // YAML 1.2's spellings (what editors treat as booleans) and the common YAML 1.1 ones.
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "off") return false;
  fail("expected true or false, got '" + s + "'");
}

double ConfigNode::number() const {
  const std::string& s = scalar_text("a number");
  try {
    std::size_t used = 0;
    double d = std::stod(s, &used);
    if (used == s.size()) return d;
  } catch (const std::exception&) {
  }
  fail("expected a number, got '" + s + "'");
}

namespace {
template <typename Parser>
auto parse_with(const ConfigNode& node, const std::string& text, Parser parser) {
  try {
    return parser(text);
  } catch (const UnitError& e) {
    node.fail(e.what());
  }
}
} // namespace

std::uint64_t ConfigNode::bytes() const {
  return parse_with(*this, scalar_text("a size"), parse_bytes);
}
Picoseconds ConfigNode::time() const {
  return parse_with(*this, scalar_text("a time"), parse_time);
}
std::uint64_t ConfigNode::hz() const {
  return parse_with(*this, scalar_text("a frequency"), parse_frequency_hz);
}
Latency ConfigNode::latency() const {
  return parse_with(*this, scalar_text("a latency"), parse_latency);
}

std::uint64_t ConfigNode::uint_or(const std::string& key, std::uint64_t fallback) const {
  auto n = get(key);
  return n ? n->uint() : fallback;
}
std::uint64_t ConfigNode::bytes_or(const std::string& key, std::uint64_t fallback) const {
  auto n = get(key);
  return n ? n->bytes() : fallback;
}
Picoseconds ConfigNode::time_or(const std::string& key, Picoseconds fallback) const {
  auto n = get(key);
  return n ? n->time() : fallback;
}
Latency ConfigNode::latency_or(const std::string& key, Latency fallback) const {
  auto n = get(key);
  return n ? n->latency() : fallback;
}
bool ConfigNode::bool_or(const std::string& key, bool fallback) const {
  auto n = get(key);
  return n ? n->boolean() : fallback;
}
std::string ConfigNode::str_or(const std::string& key, const std::string& fallback) const {
  auto n = get(key);
  return n ? n->str() : fallback;
}
double ConfigNode::number_or(const std::string& key, double fallback) const {
  auto n = get(key);
  return n ? n->number() : fallback;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string did_you_mean(const std::string& value, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_d = std::numeric_limits<std::size_t>::max();
  for (const std::string& k : known) {
    const std::size_t d = edit_distance(value, k);
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  if (best.empty() || best_d == 0 || best_d > std::max<std::size_t>(2, value.size() / 3)) return "";
  return " (did you mean '" + best + "'?)";
}

void ConfigNode::fail_choice(const std::string& value,
                             const std::vector<std::string>& allowed) const {
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail("'" + value + "' is not one of: " + list + did_you_mean(value, allowed));
}

namespace {

void check_unused(const ConfigValue& v, const std::string& path) {
  if (v.kind == ConfigValue::Kind::kMap) {
    for (const auto& e : v.map) {
      std::string p = path.empty() ? e.key : path + "." + e.key;
      if (!e.used) {
        throw ConfigError(e.key_loc, p,
                          "unknown key '" + e.key + "'" + did_you_mean(e.key, v.known_keys));
      }
      check_unused(*e.value, p);
    }
  } else if (v.kind == ConfigValue::Kind::kSequence) {
    for (std::size_t i = 0; i < v.sequence.size(); ++i)
      check_unused(v.sequence[i], path + "[" + std::to_string(i) + "]");
  }
}

} // namespace

void check_all_used(const ConfigValue& root, const std::string& root_path) {
  check_unused(root, root_path);
}

} // namespace sim::config
