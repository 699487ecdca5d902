// SPDX-License-Identifier: Apache-2.0
#include "tests/support/json_schema.h"

#include <regex>

#include <yaml-cpp/yaml.h>

namespace sim::test {
namespace {

using json = nlohmann::json;

json scalar(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() == "!") return s; // quoted: always a string
  static const std::regex null_re("~|null|Null|NULL|");
  static const std::regex true_re("true|True|TRUE");
  static const std::regex false_re("false|False|FALSE");
  static const std::regex dec_re("[-+]?[0-9]+");
  static const std::regex hex_re("0x[0-9a-fA-F]+");
  static const std::regex oct_re("0o[0-7]+");
  static const std::regex float_re("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(s, null_re)) return nullptr;
  if (std::regex_match(s, true_re)) return true;
  if (std::regex_match(s, false_re)) return false;
  if (std::regex_match(s, dec_re)) return std::stoll(s);
  if (std::regex_match(s, hex_re)) return std::stoull(s.substr(2), nullptr, 16);
  if (std::regex_match(s, oct_re)) return std::stoull(s.substr(2), nullptr, 8);
  if (std::regex_match(s, float_re)) return std::stod(s);
  return s;
}

json convert(const YAML::Node& n) {
  switch (n.Type()) {
  case YAML::NodeType::Map: {
    json o = json::object();
    for (const auto& kv : n) o[kv.first.Scalar()] = convert(kv.second);
    return o;
  }
  case YAML::NodeType::Sequence: {
    json a = json::array();
    for (const auto& item : n) a.push_back(convert(item));
    return a;
  }
  case YAML::NodeType::Scalar:
    return scalar(n);
  default:
    return nullptr;
  }
}

class Validator {
public:
  explicit Validator(const json& root) : root_(root) {}

  void check(const json& s, const json& v, const std::string& at, std::vector<std::string>& out) {
    if (s.is_boolean()) {
      if (!s.get<bool>()) out.push_back(at + ": not allowed");
      return;
    }
    if (s.contains("$ref")) {
      check(resolve(s["$ref"].get<std::string>()), v, at, out);
      return;
    }
    if (s.contains("type") && !type_ok(s["type"], v)) {
      out.push_back(at + ": " + v.dump() + " is not of type " + s["type"].dump());
      return;
    }
    if (s.contains("enum")) {
      bool found = false;
      for (const json& e : s["enum"]) found = found || e == v;
      if (!found) out.push_back(at + ": " + v.dump() + " is not one of " + s["enum"].dump());
    }
    if (s.contains("const") && s["const"] != v)
      out.push_back(at + ": " + v.dump() + " is not " + s["const"].dump());
    if (v.is_string()) string_checks(s, v.get<std::string>(), at, out);
    if (v.is_number()) number_checks(s, v.get<double>(), at, out);
    if (v.is_object()) object_checks(s, v, at, out);
    if (v.is_array()) array_checks(s, v, at, out);
    combinators(s, v, at, out);
  }

private:
  const json& resolve(const std::string& ref) {
    if (ref.rfind("#", 0) != 0) throw std::invalid_argument("only local $ref: " + ref);
    return root_.at(json::json_pointer(ref.substr(1)));
  }

  static bool type_ok(const json& t, const json& v) {
    if (t.is_array()) {
      for (const json& one : t)
        if (type_ok(one, v)) return true;
      return false;
    }
    const std::string n = t.get<std::string>();
    if (n == "object") return v.is_object();
    if (n == "array") return v.is_array();
    if (n == "string") return v.is_string();
    if (n == "boolean") return v.is_boolean();
    if (n == "null") return v.is_null();
    if (n == "integer") return v.is_number_integer();
    if (n == "number") return v.is_number();
    return false;
  }

  void string_checks(const json& s, const std::string& str, const std::string& at,
                     std::vector<std::string>& out) {
    if (s.contains("pattern") &&
        !std::regex_search(str, std::regex(s["pattern"].get<std::string>())))
      out.push_back(at + ": \"" + str + "\" does not match " + s["pattern"].get<std::string>());
    if (s.contains("minLength") && str.size() < s["minLength"].get<std::size_t>())
      out.push_back(at + ": shorter than " + s["minLength"].dump());
  }

  void number_checks(const json& s, double x, const std::string& at,
                     std::vector<std::string>& out) {
    if (s.contains("minimum") && x < s["minimum"].get<double>())
      out.push_back(at + ": below the minimum " + s["minimum"].dump());
    if (s.contains("maximum") && x > s["maximum"].get<double>())
      out.push_back(at + ": above the maximum " + s["maximum"].dump());
    if (s.contains("exclusiveMinimum") && x <= s["exclusiveMinimum"].get<double>())
      out.push_back(at + ": not above " + s["exclusiveMinimum"].dump());
  }

  void object_checks(const json& s, const json& v, const std::string& at,
                     std::vector<std::string>& out) {
    if (s.contains("required"))
      for (const json& r : s["required"])
        if (!v.contains(r.get<std::string>()))
          out.push_back(at + ": missing required key " + r.get<std::string>());
    if (s.contains("minProperties") && v.size() < s["minProperties"].get<std::size_t>())
      out.push_back(at + ": fewer than " + s["minProperties"].dump() + " keys");
    if (s.contains("maxProperties") && v.size() > s["maxProperties"].get<std::size_t>())
      out.push_back(at + ": more than " + s["maxProperties"].dump() + " keys");
    for (const auto& [key, value] : v.items()) {
      bool matched = false;
      if (s.contains("properties") && s["properties"].contains(key)) {
        matched = true;
        check(s["properties"][key], value, at + "/" + key, out);
      }
      if (s.contains("patternProperties"))
        for (const auto& [pattern, sub] : s["patternProperties"].items())
          if (std::regex_search(key, std::regex(pattern))) {
            matched = true;
            check(sub, value, at + "/" + key, out);
          }
      if (!matched && s.contains("additionalProperties")) {
        const json& extra = s["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>())
          out.push_back(at + "/" + key + ": not allowed (additionalProperties)");
        else if (extra.is_object())
          check(extra, value, at + "/" + key, out);
      }
    }
  }

  void array_checks(const json& s, const json& v, const std::string& at,
                    std::vector<std::string>& out) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>())
      out.push_back(at + ": fewer than " + s["minItems"].dump() + " items");
    if (s.contains("maxItems") && v.size() > s["maxItems"].get<std::size_t>())
      out.push_back(at + ": more than " + s["maxItems"].dump() + " items");
    if (s.contains("items") && s["items"].is_object())
      for (std::size_t i = 0; i < v.size(); ++i)
        check(s["items"], v[i], at + "/" + std::to_string(i), out);
  }

  void combinators(const json& s, const json& v, const std::string& at,
                   std::vector<std::string>& out) {
    if (s.contains("allOf"))
      for (const json& sub : s["allOf"]) check(sub, v, at, out);
    const auto matches = [&](const json& sub) {
      std::vector<std::string> errs;
      check(sub, v, at, errs);
      return errs;
    };
    if (s.contains("anyOf")) {
      std::vector<std::string> closest;
      bool any = false;
      for (const json& sub : s["anyOf"]) {
        std::vector<std::string> errs = matches(sub);
        if (errs.empty()) any = true;
        if (closest.empty() || errs.size() < closest.size()) closest = errs;
      }
      if (!any) {
        out.push_back(at + ": matches none of anyOf; the closest says:");
        out.insert(out.end(), closest.begin(), closest.end());
      }
    }
    if (s.contains("oneOf")) {
      std::size_t passing = 0;
      std::vector<std::string> closest;
      for (const json& sub : s["oneOf"]) {
        std::vector<std::string> errs = matches(sub);
        if (errs.empty()) ++passing;
        if (closest.empty() || errs.size() < closest.size()) closest = errs;
      }
      if (passing != 1) {
        out.push_back(at + ": matches " + std::to_string(passing) + " of oneOf" +
                      (passing == 0 ? "; the closest says:" : ""));
        if (passing == 0) out.insert(out.end(), closest.begin(), closest.end());
      }
    }
    if (s.contains("not") && matches(s["not"]).empty()) out.push_back(at + ": matches `not`");
  }

  const json& root_;
};

} // namespace

json load_yaml_as_json(const std::string& file) {
  return convert(YAML::LoadFile(file));
}

json yaml_text_as_json(const std::string& text) {
  return convert(YAML::Load(text));
}

std::vector<std::string> schema_errors(const json& schema, const json& doc) {
  std::vector<std::string> out;
  Validator(schema).check(schema, doc, "", out);
  return out;
}

} // namespace sim::test
