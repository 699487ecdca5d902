// SPDX-License-Identifier: Apache-2.0
#pragma once
// Strict, typed reading of a ConfigValue tree. Every accessor knows its full key path and source
// location, so errors read `board.yaml:14: clusters.remote.dcache.ways: expected ...`. Keys are
// marked as used when read; check_all_used() then rejects every key nobody read (a typo), with a
// "did you mean" suggestion drawn from the keys that were read next to it.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/common/config/config_error.h"
#include "models/common/config/config_tree.h"
#include "models/common/units.h"

namespace sim::config {

class ConfigNode {
public:
  ConfigNode(const ConfigValue& value, std::string path) : v_(&value), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  const SourceLoc& loc() const { return v_->loc; }
  const ConfigValue& value() const { return *v_; }
  bool is_null() const { return v_->kind == ConfigValue::Kind::kNull; }
  bool is_map() const { return v_->kind == ConfigValue::Kind::kMap; }
  bool is_sequence() const { return v_->kind == ConfigValue::Kind::kSequence; }
  bool is_scalar() const { return v_->kind == ConfigValue::Kind::kScalar; }

  bool has(const std::string& key) const;
  /// A required key; marks it used.
  ConfigNode at(const std::string& key) const;
  /// An optional key; marks it used when present.
  std::optional<ConfigNode> get(const std::string& key) const;
  /// Map entries in file order (marks all used). Requires a map (or null: no entries).
  std::vector<std::pair<std::string, ConfigNode>> entries() const;
  /// Sequence items. Requires a sequence (or null: no items).
  std::vector<ConfigNode> items() const;

  std::string str() const;
  std::uint64_t uint() const;
  std::uint32_t uint32() const;
  bool boolean() const;
  double number() const;
  std::uint64_t bytes() const;
  Picoseconds time() const;
  std::uint64_t hz() const;
  Latency latency() const;

  /// A scalar that must be one of `choices`; the error lists them and suggests the nearest.
  template <typename E> E choice(std::initializer_list<std::pair<const char*, E>> choices) const {
    std::string s = str();
    std::vector<std::string> allowed;
    for (const auto& c : choices) {
      if (s == c.first) return c.second;
      allowed.emplace_back(c.first);
    }
    fail_choice(s, allowed);
  }
  /// Fails with "'value' is not one of: a, b (did you mean 'a'?)".
  [[noreturn]] void fail_choice(const std::string& value,
                                const std::vector<std::string>& allowed) const;

  /// Optional-with-default helpers.
  std::uint64_t uint_or(const std::string& key, std::uint64_t fallback) const;
  std::uint64_t bytes_or(const std::string& key, std::uint64_t fallback) const;
  Picoseconds time_or(const std::string& key, Picoseconds fallback) const;
  Latency latency_or(const std::string& key, Latency fallback) const;
  bool bool_or(const std::string& key, bool fallback) const;
  std::string str_or(const std::string& key, const std::string& fallback) const;
  double number_or(const std::string& key, double fallback) const;

  [[noreturn]] void fail(const std::string& message) const;
  void require_map() const;

private:
  std::string child_path(const std::string& key) const;
  const std::string& scalar_text(const char* what) const;

  const ConfigValue* v_;
  std::string path_;
};

/// Throws ConfigError for the first key (in file order) that no reader used.
void check_all_used(const ConfigValue& root, const std::string& root_path = "");

/// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// " (did you mean 'x'?)" for the nearest of `known` when it is close enough to be a typo of
/// `value`, else "".
std::string did_you_mean(const std::string& value, const std::vector<std::string>& known);

} // namespace sim::config
