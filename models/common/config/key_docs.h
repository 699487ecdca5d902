// SPDX-License-Identifier: Apache-2.0
#pragma once
// The key tables of docs/scenarios.md, generated from the key declarations (keys.h): a row per
// key, maps flattened into dotted paths (`clusters.<name>.dcache.size`).

#include <string>

#include "models/common/config/keys.h"

namespace sim::config {

/// A markdown table (header included) of every key under `keys`, paths starting with `prefix`.
std::string key_table(const KeySet& keys, const std::string& prefix = "");

} // namespace sim::config
