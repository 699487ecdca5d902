// SPDX-License-Identifier: Apache-2.0
#pragma once
// Receiver of software probes (the message ledger, traces). Called synchronously, no sim cost.

#include <cstdint>
#include <string>

#include "sw/hal/probe.h"
#include "sw/hal/side.h"

namespace sim::models {

class ProbeSink {
public:
  virtual ~ProbeSink() = default;
  /// `side`: the side the reporting cluster plays (only software on the two sides reports).
  virtual void on_probe(Side side, const std::string& thread, const hal::ProbeEvent& event,
                        std::uint64_t time_ps) = 0;
};

} // namespace sim::models
