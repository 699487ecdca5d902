// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/cli_common.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

namespace sim::app {
namespace {

std::string g_running;

} // namespace

const CLI::Validator& unsigned_text() {
  static const CLI::Validator validator(
      [](std::string& text) {
        if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
          return std::string();
        return "expected an unsigned number (0..18446744073709551615), got '" + text + "'";
      },
      "UINT");
  return validator;
}

std::string self_path(const char* argv0) {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return argv0;
  buf[n] = '\0';
  return buf;
}

void note_running(const std::string& what) {
  g_running = what;
}

const std::string& running() {
  return g_running;
}

} // namespace sim::app
