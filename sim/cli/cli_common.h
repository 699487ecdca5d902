// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every ipcsim command shares: the exit codes, a seed validator, the path of this binary
// (suites run it as child processes), and what is running when an internal error strikes.

#include <string>

namespace CLI {
class Validator;
}

namespace sim::app {

/// 0 every expectation held (or the command succeeded), 1 an expectation or a check failed.
constexpr int kFailed = 1;
/// The input is wrong: the message names file:line and the key.
constexpr int kInvalidInput = 2;
/// A broken invariant inside ipcsim (sim::ModelError) or anything nobody expected.
constexpr int kInternalError = 3;

/// Only digits: CLI11 alone reads "-1" into an unsigned as 2^64-1.
const CLI::Validator& unsigned_text();

/// /proc/self/exe, or argv[0] when it cannot be read.
std::string self_path(const char* argv0);

/// Names what runs ("scenario X from FILE, seed N") for the internal-error message.
void note_running(const std::string& what);
const std::string& running();

} // namespace sim::app
