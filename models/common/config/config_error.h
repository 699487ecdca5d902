// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one error type for invalid input: says where (file:line), which key (full dotted path) and
// what was expected. The CLI prints what() and exits 2.

#include <stdexcept>
#include <string>

#include "models/common/config/config_tree.h"

namespace sim::config {

class ConfigError : public std::runtime_error {
public:
  ConfigError(const SourceLoc& loc, const std::string& path, const std::string& message);
  const SourceLoc& loc() const { return loc_; }
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }

private:
  SourceLoc loc_;
  std::string path_;
  std::string message_;
};

} // namespace sim::config
