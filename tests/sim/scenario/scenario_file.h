// SPDX-License-Identifier: Apache-2.0
#pragma once
// A scenario file for loader tests, written to the temp directory with the real board's absolute
// path, and removed again.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace sim::app {

// The body follows a `board:` line naming the reference board by its absolute path.
class ScenarioFile {
public:
  explicit ScenarioFile(const std::string& body) {
    path_ =
        std::filesystem::temp_directory_path() /
        ("ipcsim_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
         "_" + std::to_string(counter_++) + ".yaml");
    std::ofstream(path_) << "board: " << IPCSIM_SOURCE_DIR << "/configs/tcc807x.yaml\n" << body;
  }
  ~ScenarioFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

private:
  std::filesystem::path path_;
  static inline int counter_ = 0;
};

} // namespace sim::app
