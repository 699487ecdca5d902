// SPDX-License-Identifier: Apache-2.0
#pragma once
// An in-memory YAML document whose every node remembers the file and line it came from, so that
// documents merged from several sources (board file, scenario file, `--set` on the command line)
// still report errors at the right place. yaml-cpp is used only to read and write text; everything
// else (merging, dotted-path overrides, strict typed reading) works on this tree.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::config {

/// Where a node was written: file (or "--set"), 1-based line and column (0 when unknown).
struct SourceLoc {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;
  std::string str() const;
};

struct ConfigValue;

struct ConfigEntry {
  std::string key;
  SourceLoc key_loc;
  std::unique_ptr<ConfigValue> value;
  /// Set when a reader consumed the key; keys left unused after parsing are errors.
  mutable bool used = false;
};

struct ConfigValue {
  enum class Kind { kNull, kScalar, kMap, kSequence };
  Kind kind = Kind::kNull;
  std::string scalar;
  /// The scalar was quoted in its source: written back quoted (editors then read "5.10" as the
  /// string it is, not the number 5.1).
  bool quoted = false;
  std::vector<ConfigEntry> map;
  std::vector<ConfigValue> sequence;
  SourceLoc loc;
  /// Keys a reader asked for on this map, present or not: the vocabulary for "did you mean".
  mutable std::vector<std::string> known_keys;

  ConfigValue() = default;
  ConfigValue(const ConfigValue& other);
  ConfigValue& operator=(const ConfigValue& other);
  ConfigValue(ConfigValue&&) noexcept = default;
  ConfigValue& operator=(ConfigValue&&) noexcept = default;

  const ConfigEntry* find(std::string_view key) const;
  ConfigEntry* find(std::string_view key);
  /// Adds or replaces a map entry (turns a null node into a map).
  ConfigValue& set(std::string_view key, ConfigValue value, SourceLoc key_loc = {});
};

/// Reads a YAML file. Throws ConfigError on unreadable files and syntax errors.
ConfigValue load_file(const std::string& path);
/// Parses YAML text; `origin` names the source in error messages.
ConfigValue load_string(std::string_view text, const std::string& origin);
/// Writes the tree back as YAML (used to dump the effective configuration of a run).
std::string to_yaml(const ConfigValue& value);

/// Deep merge: maps merge key by key, anything else in `overlay` replaces `base`.
void merge_into(ConfigValue& base, const ConfigValue& overlay);

/// Applies `value` at a dotted path such as `clusters.remote.dcache.size` or
/// `master.apps[0].rpmsg_client_sample.count`. Intermediate maps are created; a sequence index must
/// exist. Throws ConfigError (located at `where`) when the path runs through a scalar.
void set_path(ConfigValue& root, std::string_view dotted_path, ConfigValue value,
              const SourceLoc& where);

} // namespace sim::config
