// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs a Debian tool found on PATH (dtc, gnuplot) and waits for it, its standard error kept in a
// file so that its own message (file:line) can be passed on to the user.

#include <string>
#include <vector>

namespace sim::artefacts {

struct ToolRun {
  bool started = false;
  std::string start_error; ///< why it could not be started (strerror)
  int exit_code = -1;      ///< 128 + signal when killed
  std::string errors;      ///< what it wrote to standard error
  bool ok() const { return started && exit_code == 0; }
};

/// `argv[0]` is looked up on PATH; standard error goes to `stderr_file` (kept).
ToolRun run_tool(const std::vector<std::string>& argv, const std::string& stderr_file);

} // namespace sim::artefacts
