// SPDX-License-Identifier: Apache-2.0
#include "models/common/config/key_schema.h"

#include <cctype>
#include <cstdlib>
#include <map>

#include "models/common/model_error.h"

namespace sim::config {
namespace {

using json = nlohmann::ordered_json;

// The value formats every loader accessor takes (models/common/units.cpp parses them; the
// patterns say the same in JSON Schema terms), shared by every schema.
constexpr const char* kValueFormats = R"json({
  "uint_text": {
    "$comment": "An unsigned integer written as text: decimal or 0x hex, `_` allowed as a digit separator (e.g. \"1_000\", \"0x2000\").",
    "type": "string",
    "pattern": "^\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|[0-9_]*[0-9][0-9_]*)\\s*$",
    "title": "unsigned integer (text)",
    "errorMessage": "Expected an unsigned integer: decimal or 0x hex (42, 0x200c6000, \"1_000\")."
  },
  "uint": {
    "$comment": "An unsigned integer: decimal or 0x hex (`_` allowed as a digit separator).",
    "anyOf": [
      {
        "type": "integer",
        "minimum": 0,
        "title": "unsigned integer (number)",
        "errorMessage": "Expected an unsigned integer: decimal or 0x hex (42, 0x200c6000, \"1_000\")."
      },
      {
        "$ref": "#/definitions/uint_text",
        "title": "unsigned integer (text)",
        "errorMessage": "Expected an unsigned integer: decimal or 0x hex (42, 0x200c6000, \"1_000\")."
      }
    ]
  },
  "size": {
    "$comment": "A size in bytes: a plain integer (0x2000, 4096) or a number with B, KiB, MiB, GiB, TiB (binary) or KB/kB, MB, GB (decimal): 64B, 32KiB, 2GiB, 1.5KiB. A fraction must come to a whole number of bytes.",
    "anyOf": [
      {
        "type": "integer",
        "minimum": 0,
        "title": "size (number)",
        "errorMessage": "Expected a size: an integer (4096, 0x2000) or a number with B, KiB, MiB, GiB, TiB, KB, MB or GB (64B, 32KiB, 2GiB)."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9_]*[0-9][0-9_]*(?:\\.[0-9_]*)?|[0-9_]*\\.[0-9_]*[0-9][0-9_]*))\\s*(?:B|KiB|MiB|GiB|TiB|KB|kB|MB|GB)?\\s*$",
        "title": "size (text)",
        "errorMessage": "Expected a size: an integer (4096, 0x2000) or a number with B, KiB, MiB, GiB, TiB, KB, MB or GB (64B, 32KiB, 2GiB)."
      }
    ]
  },
  "time": {
    "$comment": "A time: a number with ps, ns, us, ms or s (80ns, 1.5ms, 2s, 0x10ns); a bare 0 is accepted. A fraction must come to a whole number of picoseconds.",
    "anyOf": [
      {
        "type": "number",
        "const": 0,
        "title": "time (number)",
        "errorMessage": "Expected a time: a number with ps, ns, us, ms or s (80ns, 1.5ms, 2s); a bare number only when it is 0."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9_]*[0-9][0-9_]*(?:\\.[0-9_]*)?|[0-9_]*\\.[0-9_]*[0-9][0-9_]*))\\s*(?:ps|ns|us|ms|s)\\s*$",
        "title": "time (text)",
        "errorMessage": "Expected a time: a number with ps, ns, us, ms or s (80ns, 1.5ms, 2s); a bare number only when it is 0."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0_]+|[0_]*0[0_]*(?:\\.[0_]*)?|[0_]*\\.[0_]*0[0_]*)\\s*$",
        "title": "time (text 2)",
        "errorMessage": "Expected a time: a number with ps, ns, us, ms or s (80ns, 1.5ms, 2s); a bare number only when it is 0."
      }
    ]
  },
  "frequency": {
    "$comment": "A frequency above zero: a number with Hz, kHz (or KHz), MHz or GHz (1.5GHz, 400MHz). A bare number is not a frequency.",
    "type": "string",
    "pattern": "^(?!\\s*(?:0[xX][0_]+|[0_.]*)\\s*(?:Hz|kHz|KHz|MHz|GHz)\\s*$)\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9_]*[0-9][0-9_]*(?:\\.[0-9_]*)?|[0-9_]*\\.[0-9_]*[0-9][0-9_]*))\\s*(?:Hz|kHz|KHz|MHz|GHz)\\s*$",
    "errorMessage": "Expected a frequency above zero: a number with Hz, kHz, MHz or GHz (1.5GHz, 400MHz)."
  },
  "latency": {
    "$comment": "A latency: a time (80ns, 1.5us, 0) or a whole number of clock cycles of the component's clock (4cycles, 1cycle).",
    "anyOf": [
      {
        "type": "number",
        "const": 0,
        "title": "latency (number)",
        "errorMessage": "Expected a latency: a time (80ns, 1.5us) or a whole number of cycles (4cycles)."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9_]*[0-9][0-9_]*(?:\\.[0-9_]*)?|[0-9_]*\\.[0-9_]*[0-9][0-9_]*))\\s*(?:ps|ns|us|ms|s)\\s*$",
        "title": "latency (text)",
        "errorMessage": "Expected a latency: a time (80ns, 1.5us) or a whole number of cycles (4cycles)."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0_]+|[0_]*0[0_]*(?:\\.[0_]*)?|[0_]*\\.[0_]*0[0_]*)\\s*$",
        "title": "latency (text 2)",
        "errorMessage": "Expected a latency: a time (80ns, 1.5us) or a whole number of cycles (4cycles)."
      },
      {
        "type": "string",
        "pattern": "^\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*\\s+|[0-9_]*[0-9][0-9_]*\\s*)cycles?\\s*$",
        "title": "latency (text 3)",
        "errorMessage": "Expected a latency: a time (80ns, 1.5us) or a whole number of cycles (4cycles)."
      }
    ]
  },
  "boolean": {
    "$comment": "true or false (the loader also takes yes/no and on/off, lower case).",
    "anyOf": [
      {
        "type": "boolean",
        "title": "boolean (boolean)",
        "errorMessage": "Expected true or false (the loader also takes yes/no, on/off)."
      },
      {
        "type": "string",
        "enum": [
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off"
        ],
        "title": "boolean (text)",
        "errorMessage": "Expected true or false (the loader also takes yes/no, on/off)."
      }
    ]
  },
  "count": {
    "$comment": "An expected count: exact (4) or a range \">=1\", \"<=5\", \"2..4\".",
    "anyOf": [
      {
        "type": "integer",
        "minimum": 0,
        "title": "count (number)",
        "errorMessage": "Expected a count: N, \">=N\", \"<=N\" or \"A..B\"."
      },
      {
        "type": "string",
        "pattern": "^(?:(?:>=|<=)\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|[0-9_]*[0-9][0-9_]*)\\s*|\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|[0-9_]*[0-9][0-9_]*)\\s*\\.\\.\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|[0-9_]*[0-9][0-9_]*)\\s*|\\s*(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|[0-9_]*[0-9][0-9_]*)\\s*)$",
        "title": "count (text)",
        "errorMessage": "Expected a count: N, \">=N\", \"<=N\" or \"A..B\"."
      }
    ]
  }
})json";

bool numeric(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && end != nullptr && *end == '\0';
}

std::string described(const Key& k) {
  std::string d = k.doc;
  if (!d.empty()) d[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d[0])));
  if (k.min && k.max)
    d += " (" + format_value(k.kind, *k.min) + ".." + format_value(k.kind, *k.max) + ")";
  else if (k.min && *k.min == 1)
    d += " (above zero)";
  else if (k.min && *k.min > 0)
    d += " (at least " + format_value(k.kind, *k.min) + ")";
  if (k.min_number && k.max_number)
    d += " (" + format_real(*k.min_number) + ".." + format_real(*k.max_number) + ")";
  if (!k.default_text.empty()) d += "; default " + k.default_text;
  return d + ".";
}

class Generator {
public:
  json value(const Key& k) {
    switch (k.kind) {
    case ValueKind::kText: {
      json t = {{"type", "string"}};
      if (!k.pattern.empty()) t["pattern"] = "^(?:" + k.pattern + ")$";
      return t;
    }
    case ValueKind::kUint: {
      json number = {{"type", "integer"}, {"minimum", k.min.value_or(0)}};
      if (k.max) number["maximum"] = *k.max;
      json any = json::array({number, {{"$ref", "#/definitions/uint_text"}}});
      if (!k.words.empty()) any.push_back({{"type", "string"}, {"enum", k.words}});
      return {{"anyOf", any}};
    }
    case ValueKind::kSize:
      return {{"$ref", "#/definitions/size"}};
    case ValueKind::kTime:
      return {{"$ref", "#/definitions/time"}};
    case ValueKind::kFrequency:
      return {{"$ref", "#/definitions/frequency"}};
    case ValueKind::kLatency:
      return {{"$ref", "#/definitions/latency"}};
    case ValueKind::kBool:
      return {{"$ref", "#/definitions/boolean"}};
    case ValueKind::kNumber: {
      json n = {{"type", "number"}};
      if (k.min_number) n["minimum"] = *k.min_number;
      if (k.max_number) n["maximum"] = *k.max_number;
      return n;
    }
    case ValueKind::kChoice: {
      // A YAML 1.2 reader takes an unquoted 3.7 as a number; the loader reads its text.
      json values = json::array();
      for (const std::string& c : k.choices) {
        values.push_back(c);
        if (numeric(c)) values.push_back(std::strtod(c.c_str(), nullptr));
      }
      return {{"enum", values}};
    }
    case ValueKind::kCount:
      return {{"$ref", "#/definitions/count"}};
    case ValueKind::kTextList:
      return {{"type", "array"}, {"items", {{"type", "string"}}}};
    case ValueKind::kMap: {
      json ref = {{"$ref", "#/definitions/" + define(*k.keys)}};
      if (!k.nullable) return ref;
      return {{"anyOf", json::array({ref, {{"type", "null"}}})}};
    }
    case ValueKind::kNamedMaps:
      return {
          {"type", json::array({"object", "null"})},
          {"patternProperties", {{k.name_pattern, {{"$ref", "#/definitions/" + define(*k.keys)}}}}},
          {"additionalProperties", false}};
    case ValueKind::kList:
      return {{"anyOf", json::array({{{"type", "array"},
                                      {"items", {{"$ref", "#/definitions/" + define(*k.keys)}}}},
                                     {{"type", "null"}}})}};
    case ValueKind::kVariants: {
      json one_of = json::array();
      for (const auto& [name, keys] : k.variants) {
        json options = json::object();
        options["anyOf"] = json::array();
        options["anyOf"].push_back({{"$ref", "#/definitions/" + define(*keys)}});
        options["anyOf"].push_back({{"type", "null"}});
        json item = {{"type", "object"}};
        item["properties"][name] = options;
        item["required"] = json::array({name});
        item["additionalProperties"] = false;
        one_of.push_back(item);
      }
      json list = {{"type", "array"}};
      list["items"]["oneOf"] = one_of;
      json out;
      out["anyOf"] = json::array({list, {{"type", "null"}}});
      return out;
    }
    case ValueKind::kAny:
      return json::object();
    }
    return json::object();
  }

  /// Adds the definition of `keys` (once) and returns its name.
  std::string define(const KeySet& keys) {
    auto it = owner_.find(keys.id());
    if (it != owner_.end()) {
      if (it->second != &keys) throw ModelError("two key sets are called " + keys.id());
      return keys.id();
    }
    owner_.emplace(keys.id(), &keys);
    definitions_[keys.id()] = json::object(); // placeholder: keeps the order of first use
    definitions_[keys.id()] = object(keys);
    return keys.id();
  }

  json object(const KeySet& keys) {
    json properties = json::object();
    json required = json::array();
    for (const Key& k : keys.keys()) {
      json p = {{"description", described(k)}};
      const json v = value(k);
      for (const auto& [name, part] : v.items()) p[name] = part;
      if (!k.default_text.empty()) p["default"] = k.default_text;
      properties[k.name] = p;
      if (k.required) required.push_back(k.name);
    }
    json o = {{"description", keys.doc()}, {"type", "object"}, {"properties", properties}};
    if (!required.empty()) o["required"] = required;
    o["additionalProperties"] = false;
    return o;
  }

  json definitions() const {
    json all = json::parse(kValueFormats);
    for (const auto& [name, d] : definitions_.items()) all[name] = d;
    return all;
  }

private:
  std::map<std::string, const KeySet*> owner_;
  json definitions_ = json::object();
};

} // namespace

nlohmann::ordered_json file_schema(const KeySet& root, const std::string& title) {
  Generator g;
  json top = g.object(root);
  json out = {{"$schema", "http://json-schema.org/draft-07/schema#"},
              {"title", title},
              {"$comment", "Generated from the key declarations (models/common/config/keys.h): "
                           "`make keys` rewrites it, the test docs.config_keys compares."}};
  for (auto& [name, v] : top.items()) out[name] = v;
  out["definitions"] = g.definitions();
  return out;
}

} // namespace sim::config
