// SPDX-License-Identifier: Apache-2.0
#pragma once
// A broken internal invariant of the simulator (a model or the run machinery), as opposed to bad
// input (config::ConfigError, std::invalid_argument: exit 2) or a fault in the simulated software
// (a panic, reported as a result). ipcsim reports it as "internal error, please report" and
// exits 3.

#include <stdexcept>
#include <string>

namespace sim {

class ModelError : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

} // namespace sim
