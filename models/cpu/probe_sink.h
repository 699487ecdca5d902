// SPDX-License-Identifier: Apache-2.0
#pragma once
// Receiver of software probes (the message ledger, traces). Called synchronously, no sim cost.

#include <cstdint>
#include <string>

#include "sw/hal/probe.h"

namespace sim::models {

class ProbeSink {
public:
  virtual ~ProbeSink() = default;
  virtual void on_probe(const std::string& cluster, const std::string& thread,
                        const hal::ProbeEvent& event, std::uint64_t time_ps) = 0;
};

} // namespace sim::models
