// SPDX-License-Identifier: Apache-2.0
// schemas/scenario.schema.json and schemas/board.schema.json against the files we ship and the
// loader: every scenario and board validates, starts with its yaml-language-server modeline, and
// what the loader refuses the schemas refuse too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "models/common/config/config_error.h"
#include "sim/scenario/scenario.h"
#include "tests/support/json_schema.h"

namespace sim::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path kRoot = IPCSIM_SOURCE_DIR;

json schema(const char* name) {
  std::ifstream in(kRoot / "schemas" / name);
  return json::parse(in);
}

std::vector<fs::path> yaml_files(const std::vector<fs::path>& dirs) {
  std::vector<fs::path> out;
  for (const fs::path& d : dirs)
    for (const auto& e : fs::recursive_directory_iterator(kRoot / d))
      if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> scenarios() {
  std::vector<fs::path> files = yaml_files({"scenarios", "tests/scenarios", "bench/scenarios"});
  // check_suite/invalid.yaml is invalid on purpose (the suite's exit-2 case).
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const fs::path& p) { return p.filename() == "invalid.yaml"; }),
              files.end());
  return files;
}

std::string joined(const std::vector<std::string>& errors) {
  std::string s;
  for (const std::string& e : errors) s += "\n  " + e;
  return s;
}

TEST(SchemaFiles, EveryScenarioValidates) {
  const json s = schema("scenario.schema.json");
  const std::vector<fs::path> files = scenarios();
  ASSERT_GT(files.size(), 60u);
  for (const fs::path& f : files) {
    const std::vector<std::string> errors = schema_errors(s, load_yaml_as_json(f.string()));
    EXPECT_TRUE(errors.empty()) << f << joined(errors);
  }
}

TEST(SchemaFiles, EveryBoardValidates) {
  const json s = schema("board.schema.json");
  const std::vector<fs::path> files = yaml_files({"configs"});
  ASSERT_GE(files.size(), 4u);
  for (const fs::path& f : files) {
    const std::vector<std::string> errors = schema_errors(s, load_yaml_as_json(f.string()));
    EXPECT_TRUE(errors.empty()) << f << joined(errors);
  }
}

TEST(SchemaFiles, EveryFileNamesItsSchemaForEditors) {
  std::vector<std::pair<fs::path, std::string>> files;
  for (const fs::path& f : scenarios()) files.emplace_back(f, "scenario.schema.json");
  for (const fs::path& f : yaml_files({"configs"})) files.emplace_back(f, "board.schema.json");
  for (const auto& [f, name] : files) {
    std::ifstream in(f);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# yaml-language-server: $schema=";
    ASSERT_EQ(first.rfind(prefix, 0), 0u) << f << ": " << first;
    const fs::path target = fs::weakly_canonical(f.parent_path() / first.substr(prefix.size()));
    EXPECT_EQ(target, fs::weakly_canonical(kRoot / "schemas" / name)) << f;
  }
}

/// A scenario around `body` (YAML lines for master/remote/expect/faults/set), on the real board.
std::string scenario_text(const std::string& body) {
  return "name: probe\nboard: " + (kRoot / "configs" / "tcc807x.yaml").string() +
         "\nstop_at: 1s\n" + body;
}

TEST(SchemaFiles, WhatTheLoaderRefusesTheSchemaRefuses) {
  const json s = schema("scenario.schema.json");
  const std::vector<std::string> bad = {
      "expect: { mesages: { sent: 1 } }\n",
      "expect: { outcome: finished }\n",
      "master:\n  apps:\n    - rpmsg_client_sample: { cuont: 3 }\n",
      "master:\n  apps:\n    - client_sample_responder: {}\n", // a remote app on the master
      "remote:\n  openamp: { release: v2020.01 }\n",
      "faults:\n  - mailbox: { direction: sideways, action: drop, nth: 1 }\n",
      "faults:\n  - unplug_cable: {}\n",
      "sanitizer: maybe\n",
      "seed: -3\n",
  };
  const fs::path dir = fs::path(::testing::TempDir()) / "schema_probe";
  fs::create_directories(dir);
  for (const std::string& body : bad) {
    const std::string text = scenario_text(body);
    EXPECT_FALSE(schema_errors(s, yaml_text_as_json(text)).empty()) << "schema accepts:\n" << body;
    const fs::path file = dir / "probe.yaml";
    std::ofstream(file) << text;
    EXPECT_THROW(app::load_scenario(file.string()), config::ConfigError) << "loader accepts:\n"
                                                                         << body;
  }
  // And a good one passes both.
  const std::string good =
      scenario_text("master:\n  apps:\n    - rpmsg_client_sample: { count: 3 }\nremote:\n  apps:\n"
                    "    - client_sample_responder: {}\nexpect: { outcome: completed, messages: { "
                    "sent: \">=1\" } }\n");
  EXPECT_TRUE(schema_errors(s, yaml_text_as_json(good)).empty())
      << joined(schema_errors(s, yaml_text_as_json(good)));
  std::ofstream(dir / "good.yaml") << good;
  EXPECT_NO_THROW(app::load_scenario((dir / "good.yaml").string()));
}

TEST(SchemaFiles, WhatTheLoaderRefusesInABoardTheSchemaRefuses) {
  const json s = schema("board.schema.json");
  std::ifstream in(kRoot / "configs" / "tcc807x.yaml");
  std::ostringstream os;
  os << in.rdbuf();
  const std::string board = os.str();
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"ways: 4,", "wayz: 4,"},
      {"replacement: lru,", "replacement: mru,"},
      {"attr: normal_nc", "attr: uncached"},
      {"clock: 1.5GHz", "clock: fast"},
  };
  const fs::path dir = fs::path(::testing::TempDir()) / "schema_board";
  fs::create_directories(dir);
  for (const auto& [from, to] : edits) {
    std::string text = board;
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    EXPECT_FALSE(schema_errors(s, yaml_text_as_json(text)).empty()) << "schema accepts " << to;
    std::ofstream(dir / "board.yaml") << text;
    EXPECT_THROW(app::load_board_or_scenario((dir / "board.yaml").string()), config::ConfigError)
        << "loader accepts " << to;
  }
}

} // namespace
} // namespace sim::test
