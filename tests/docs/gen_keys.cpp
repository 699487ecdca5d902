// SPDX-License-Identifier: Apache-2.0
// Generates what the key declarations (models/common/config/keys.h) decide: the JSON Schemas in
// schemas/ and the key tables in docs/scenarios.md (between `<!-- keys: NAME -->` and
// `<!-- /keys -->`). `gen_keys --check SRC` fails when a file differs from what it would write
// (the test docs.config_keys); `gen_keys --write SRC` rewrites them (`make keys`).
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "models/common/config/key_docs.h"
#include "models/common/config/key_schema.h"
#include "models/platform/board_keys.h"
#include "sim/scenario/app_registry.h"
#include "sim/scenario/faults.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/software_keys.h"
#include "sw/zephyr/openamp_release.h"

namespace {

using sim::config::key_table;
using sim::config::Nesting;
using sim::config::variant_docs;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// OpenAMP's features (sw/zephyr/openamp_release.h): when each came and went, and which release
/// has which.
std::string openamp_release_tables() {
  using namespace sim::sw::zephyr;
  std::string out = "| feature | what changes | where (open-amp) | from | until | commit |\n"
                    "|---|---|---|---|---|---|\n";
  for (const FeatureInfo& f : openamp_features())
    out += std::string("| `") + f.key + "` | " + f.what + " | " + f.where + " | " + f.since +
           " | " + (*f.until != '\0' ? f.until : "") + " | " + f.commit + " |\n";
  out += "\n| release |";
  std::string rule = "|---|";
  for (const FeatureInfo& f : openamp_features()) {
    out += std::string(" `") + f.key + "` |";
    rule += ":-:|";
  }
  out += "\n" + rule + "\n";
  for (const OpenampRelease& r : openamp_releases()) {
    out += "| " + r.name() + " |";
    for (const FeatureInfo& f : openamp_features()) out += r.has(f.feature) ? " ✔ |" : " |";
    out += "\n";
  }
  return out;
}

/// The docs' generated tables by section name.
std::map<std::string, std::string> tables() {
  using sim::Side;
  return {{"scenario", key_table(sim::app::scenario_keys(), "", Nesting::kTopOnly)},
          {"board", key_table(sim::models::board_keys())},
          {"software", key_table(sim::app::section_keys(Side::kMaster), "master.") + "\n" +
                           key_table(sim::app::section_keys(Side::kRemote), "remote.")},
          {"applications", variant_docs(sim::app::app_variants(Side::kMaster), "master") +
                               variant_docs(sim::app::app_variants(Side::kRemote), "remote")},
          {"faults", variant_docs(sim::app::fault_variants())},
          {"expectations", key_table(sim::app::expectation_keys())},
          {"openamp_releases", openamp_release_tables()}};
}

/// `text` with each marked section replaced by its table; errors for an unknown or unclosed one.
std::string with_tables(const std::string& text, std::string& error) {
  const std::map<std::string, std::string> all = tables();
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t open = text.find("<!-- keys: ", at);
    if (open == std::string::npos) break;
    const std::size_t name_end = text.find(" -->", open);
    const std::string name = text.substr(open + 11, name_end - open - 11);
    const std::size_t close = text.find("<!-- /keys -->", name_end);
    auto table = all.find(name);
    if (name_end == std::string::npos || close == std::string::npos || table == all.end()) {
      error = "docs: a keys section '" + name + "' that is unknown or not closed";
      return text;
    }
    out += text.substr(at, name_end + 4 - at) + "\n" + table->second;
    at = close;
  }
  return out + text.substr(at);
}

std::string schema_text(const sim::config::KeySet& keys, const std::string& title) {
  return sim::config::file_schema(keys, title).dump(2) + "\n";
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::string(argv[1]) != "--check" && std::string(argv[1]) != "--write")) {
    std::cerr << "usage: gen_keys --check|--write SOURCE_DIR\n";
    return 2;
  }
  const bool write = std::string(argv[1]) == "--write";
  const std::string root = argv[2];
  std::map<std::string, std::string> files;
  files[root + "/schemas/board.schema.json"] =
      schema_text(sim::app::board_file_keys(), "ipcsim board file");
  files[root + "/schemas/scenario.schema.json"] =
      schema_text(sim::app::scenario_keys(), "ipcsim scenario");
  std::string error;
  for (const char* doc : {"/docs/scenarios.md", "/docs/models/openamp-releases.md"}) {
    const std::string path = root + doc;
    files[path] = with_tables(read(path), error);
    if (!error.empty()) {
      std::cerr << path << ": " << error << "\n";
      return 1;
    }
  }
  int stale = 0;
  for (const auto& [path, text] : files) {
    if (read(path) == text) continue;
    if (write) {
      std::ofstream(path) << text;
      std::cout << "wrote " << path << "\n";
    } else {
      std::cerr << path << " is not what the key declarations give: run `make keys`\n";
      ++stale;
    }
  }
  return stale == 0 ? 0 : 1;
}

// libsystemc (linked through the scenario's fault models) references sc_main.
extern "C" int sc_main(int, char**) {
  return 0;
}
