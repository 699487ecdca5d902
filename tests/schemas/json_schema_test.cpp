// SPDX-License-Identifier: Apache-2.0
// The test validator itself (tests/support/json_schema.h), on small schemas.
#include "tests/support/json_schema.h"

#include <gtest/gtest.h>

namespace sim::test {
namespace {

using json = nlohmann::json;

TEST(JsonSchema, YamlScalarsAreTypedAsEditorsTypeThem) {
  const json j = yaml_text_as_json("a: 0x10\nb: 16\nc: 2GiB\nd: \"16\"\ne: true\nf: 1.5\ng: ~\n");
  EXPECT_EQ(j["a"], 16);
  EXPECT_EQ(j["b"], 16);
  EXPECT_EQ(j["c"], "2GiB");
  EXPECT_EQ(j["d"], "16"); // quoted: a string
  EXPECT_EQ(j["e"], true);
  EXPECT_EQ(j["f"], 1.5);
  EXPECT_TRUE(j["g"].is_null());
}

TEST(JsonSchema, ObjectsTypesEnumsPatternsAndRefs) {
  const json schema = json::parse(R"({
    "definitions": { "size": { "anyOf": [ {"type": "integer", "minimum": 0},
                                          {"type": "string", "pattern": "^[0-9]+KiB$"} ] } },
    "type": "object", "additionalProperties": false, "required": ["name"],
    "properties": { "name": {"type": "string"}, "size": {"$ref": "#/definitions/size"},
                    "kind": {"enum": ["a", "b"]},
                    "list": {"type": "array", "items": {"type": "integer"}, "minItems": 1} } })");
  EXPECT_TRUE(schema_errors(schema, json::parse(R"({"name": "x", "size": "4KiB", "kind": "a",
                                                    "list": [1, 2]})"))
                  .empty());
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"size": 4})")).empty()); // required
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"name": "x", "sise": 4})")).empty());
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"name": "x", "size": "4K"})")).empty());
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"name": "x", "kind": "c"})")).empty());
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"name": "x", "list": []})")).empty());
  EXPECT_FALSE(schema_errors(schema, json::parse(R"({"name": "x", "list": ["1"]})")).empty());
  const std::vector<std::string> e = schema_errors(schema, json::parse(R"({"name": 3})"));
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].rfind("/name:", 0), 0u) << e[0];
}

TEST(JsonSchema, OneOfNeedsExactlyOne) {
  const json schema = json::parse(R"({"oneOf": [{"type": "integer"}, {"minimum": 5}]})");
  EXPECT_TRUE(schema_errors(schema, json(3)).empty());
  EXPECT_FALSE(schema_errors(schema, json(7)).empty()); // both
}

} // namespace
} // namespace sim::test
