// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/output_path.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace sim::app {

void prepare_output_file(const std::string& path, const std::string& option) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec)
    throw std::invalid_argument(option + " " + path + ": cannot create " + parent.string() + ": " +
                                ec.message());
  if (fs::is_directory(path, ec))
    throw std::invalid_argument(option + " " + path + ": is a directory, not a file");
  if (!std::ofstream(path, std::ios::app))
    throw std::invalid_argument(option + " " + path + ": cannot write");
}

} // namespace sim::app
