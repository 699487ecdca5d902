// SPDX-License-Identifier: Apache-2.0
#pragma once
// The JSON Schema of a file, generated from its key declarations (keys.h): one definition per key
// set reachable from the root, the value formats shared (what the loader's accessors take), every
// property with its description, range and default.

#include <string>

#include <nlohmann/json.hpp>

#include "models/common/config/keys.h"

namespace sim::config {

/// The schema (draft-07) of a file whose top level is `root`.
nlohmann::ordered_json file_schema(const KeySet& root, const std::string& title);

} // namespace sim::config
