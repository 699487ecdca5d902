// SPDX-License-Identifier: Apache-2.0
#pragma once
// The key tables of docs/scenarios.md, generated from the key declarations (keys.h): a row per
// key, maps flattened into dotted paths (`clusters.<name>.dcache.size`).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/common/config/keys.h"

namespace sim::config {

/// Whether a table goes into the maps under its keys.
enum class Nesting : std::uint8_t { kFlatten, kTopOnly };

/// A markdown table (header included) of every key under `keys`, paths starting with `prefix`;
/// kTopOnly: only the keys of `keys` itself (the maps under it have tables of their own).
std::string key_table(const KeySet& keys, const std::string& prefix = "",
                      Nesting nesting = Nesting::kFlatten);

/// Per variant of a `kVariants` list: a heading (`#### name` and `label`, when given), the
/// variant's doc, and its table (or "No settings.").
std::string variant_docs(const std::vector<std::pair<std::string, const KeySet*>>& variants,
                         const std::string& label = "");

} // namespace sim::config
