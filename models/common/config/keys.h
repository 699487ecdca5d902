// SPDX-License-Identifier: Apache-2.0
#pragma once
// Configuration keys, declared once: each map a file may hold (the board, a cluster, a D-cache, a
// scenario, an application's options...) is a KeySet next to the code that fills its struct, and
// each key says its name, the kind of value, its default, its range or choices and what it means.
// Everything else comes from there:
//   - the reader (KeyReader) reads only declared keys, with their declared defaults, ranges and
//     choices, and refuses an undeclared key at every level (with "did you mean");
//   - the JSON Schemas in schemas/ (key_schema.h);
//   - the key tables of docs/scenarios.md (key_docs.h).
// A test regenerates the schemas and the tables and compares them with the files, so a key
// cannot be added, renamed or re-ranged in one place only.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/common/units.h"

namespace sim::config {

enum class ValueKind : std::uint8_t {
  kText,      ///< a string (`pattern` restricts it)
  kUint,      ///< an unsigned integer, decimal or 0x hex
  kSize,      ///< bytes: 4096, 0x2000, 64B, 32KiB
  kTime,      ///< 20ns, 1.5us, 100ms, 2s
  kFrequency, ///< 1.5GHz
  kLatency,   ///< a time or cycles (4cycles)
  kBool,
  kNumber,    ///< a real number
  kChoice,    ///< one of `choices`
  kCount,     ///< an expected count: N, ">=N", "<=N" or "A..B"
  kTextList,  ///< a list of strings
  kMap,       ///< a map of the keys in `keys`
  kNamedMaps, ///< a map from names (matching `name_pattern`) to maps of `keys`
  kList,      ///< a list of maps of `keys`
  kVariants,  ///< a list of one-key maps: the key names a variant, its value that variant's map
  kAny,       ///< any value; its reader checks it
};

class KeySet;

/// One declared key.
struct Key {
  std::string name;
  ValueKind kind = ValueKind::kText;
  std::string doc;
  std::string example; ///< a YAML line for the docs (`cores: 2`)
  bool required = false;
  /// The value when absent, as a file would write it ("" for none: absent means unset).
  std::string default_text;
  std::optional<std::uint64_t> min, max; ///< kUint, kSize, kTime, kFrequency
  std::optional<double> min_number, max_number;
  std::vector<std::string> choices; ///< kChoice (the names a file writes)
  std::string pattern;              ///< kText: a regular expression the whole text matches
  const KeySet* keys = nullptr;     ///< kMap, kNamedMaps, kList
  std::string name_pattern;         ///< kNamedMaps
  std::vector<std::pair<std::string, const KeySet*>> variants; ///< kVariants
  std::vector<std::string> words; ///< kUint: words accepted besides numbers (`any`)
  bool nullable = false;          ///< kMap: `key:` with no value reads as an empty map

  static Key text(std::string name, std::string doc);
  static Key uint(std::string name, std::string doc);
  static Key size(std::string name, std::string doc);
  static Key time(std::string name, std::string doc);
  static Key frequency(std::string name, std::string doc);
  static Key latency(std::string name, std::string doc);
  static Key boolean(std::string name, std::string doc);
  static Key number(std::string name, std::string doc);
  static Key choice(std::string name, std::vector<std::string> choices, std::string doc);
  static Key count(std::string name, std::string doc);
  static Key text_list(std::string name, std::string doc);
  static Key map(std::string name, const KeySet& keys, std::string doc);
  static Key named_maps(std::string name, std::string name_pattern, const KeySet& keys,
                        std::string doc);
  static Key list(std::string name, const KeySet& keys, std::string doc);
  static Key variant_list(std::string name, std::vector<std::pair<std::string, const KeySet*>> of,
                          std::string doc);
  static Key any(std::string name, std::string doc);

  Key&& needed() &&;
  Key&& defaults_to(std::string text) &&;
  Key&& range(std::uint64_t lo, std::uint64_t hi) &&;
  Key&& at_least(std::uint64_t lo) &&;
  Key&& number_range(double lo, double hi) &&;
  Key&& matching(std::string regex) &&;
  Key&& or_null() &&;
  /// kUint: these words are values too (`any`).
  Key&& or_words(std::vector<std::string> words) &&;
  Key&& eg(std::string example) &&;
};

/// The keys of one map.
class KeySet {
public:
  /// `id` names the map in the schemas' definitions (`cluster`, `dcache`).
  KeySet(std::string id, std::string doc, std::vector<Key> keys);

  const std::string& id() const { return id_; }
  const std::string& doc() const { return doc_; }
  const std::vector<Key>& keys() const { return keys_; }
  /// nullptr for an undeclared name.
  const Key* find(std::string_view name) const;
  /// A declared key; a reader asking for another is a bug (ModelError).
  const Key& at(std::string_view name) const;
  /// Refuses what the declarations do not allow in `node` (a map, or null for an empty one): an
  /// undeclared key (with the nearest declared one), a missing required key.
  void check(const ConfigNode& node) const;

private:
  std::string id_;
  std::string doc_;
  std::vector<Key> keys_;
};

/// A value of `kind` as the messages and the docs write it (sizes in KiB, times in us...).
std::string format_value(ValueKind kind, std::uint64_t v);
/// A real number, shortest form.
std::string format_real(double v);

/// Reads one map through its declarations: check() first, then each value as its key declares
/// it, its default when absent. Asking for an undeclared key, or for a kind the key does not
/// have, is a ModelError.
class KeyReader {
public:
  KeyReader(const KeySet& keys, const ConfigNode& node);

  const ConfigNode& node() const { return node_; }
  bool has(std::string_view key) const;
  /// The value's node when present.
  std::optional<ConfigNode> get(std::string_view key) const;
  ConfigNode at(std::string_view key) const;

  std::uint64_t uint(std::string_view key) const;
  /// An unsigned within its declared range, as `unsigned` (the range must fit).
  unsigned small_uint(std::string_view key) const;
  std::uint64_t size(std::string_view key) const;
  Picoseconds time(std::string_view key) const;
  std::uint64_t frequency(std::string_view key) const;
  Latency latency(std::string_view key) const;
  bool boolean(std::string_view key) const;
  double number(std::string_view key) const;
  std::string text(std::string_view key) const;
  /// A choice; `values` maps each declared choice (all of them, in order) to its value.
  template <typename E>
  E choice(std::string_view key, std::initializer_list<std::pair<const char*, E>> values) const {
    std::vector<std::string> names;
    for (const auto& v : values) names.emplace_back(v.first);
    const std::size_t index = choice_index(key, names);
    return (values.begin() + index)->second;
  }
  /// The value's node, or its default's (nullopt: absent and no default), for a value its caller
  /// reads itself (a number or a word).
  std::optional<ConfigNode> node_or_default(std::string_view key) const;
  /// kNamedMaps: the entries, in file order, each name checked against the declared pattern.
  std::vector<std::pair<std::string, ConfigNode>> named(std::string_view key) const;
  /// kList, kVariants: the items (none when absent).
  std::vector<ConfigNode> items(std::string_view key) const;
  /// A choice kept as the text chosen (a version, a release name).
  std::string choice_text(std::string_view key) const;
  /// For keys without a default: nullopt when absent.
  std::optional<std::uint64_t> uint_if(std::string_view key) const;
  std::optional<std::uint64_t> size_if(std::string_view key) const;

private:
  const Key& declared(std::string_view key, std::initializer_list<ValueKind> kinds) const;
  /// The node of a present key, or of its parsed default (nullopt: absent, no default).
  std::optional<ConfigNode> value_or_default(const Key& key) const;
  void check_range(const Key& key, const ConfigNode& at, std::uint64_t v) const;
  /// The index of the chosen value; `names` must be the declared choices, in order.
  std::size_t choice_index(std::string_view key, const std::vector<std::string>& names) const;

  const KeySet& keys_;
  ConfigNode node_;
  /// Defaults parsed from their text, kept alive for the nodes that point into them.
  mutable std::vector<std::unique_ptr<ConfigValue>> defaults_;
};

} // namespace sim::config
