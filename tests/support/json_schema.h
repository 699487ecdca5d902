// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test support: a JSON Schema (draft-07) validator for the subset our schemas use, and YAML read
// the way editors read it (YAML 1.2 core schema: `0x10` and `16` are integers, `2GiB` a string,
// quoted scalars always strings), so the tests check the schemas as yaml-language-server applies
// them. Keywords: type, enum, const, pattern, minimum, maximum, exclusiveMinimum, minLength,
// properties, patternProperties, additionalProperties, required, minProperties, maxProperties,
// items, minItems, maxItems, allOf, anyOf, oneOf, not, $ref (local "#/..." only).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim::test {

/// A YAML file as JSON, scalars typed by the YAML 1.2 core schema.
nlohmann::json load_yaml_as_json(const std::string& file);
nlohmann::json yaml_text_as_json(const std::string& text);

/// Why `doc` does not match `schema` ("/expect/mesages: not allowed (additionalProperties)"),
/// empty when it does.
std::vector<std::string> schema_errors(const nlohmann::json& schema, const nlohmann::json& doc);

} // namespace sim::test
