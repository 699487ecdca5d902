// SPDX-License-Identifier: Apache-2.0
#pragma once
// A probe event as tests keep it: the event's fields copied out (its payload pointer is only
// valid during the call), with the payload's digest and the reporting thread and time.

#include <cstdint>
#include <string>
#include <vector>

#include "sw/hal/probe.h"

namespace sim::test {

struct RecordedProbe {
  hal::ProbeKind kind = hal::ProbeKind::kNote;
  std::uint64_t address = 0;
  std::uint32_t src = 0;
  std::uint32_t dst = 0;
  std::uint32_t length = 0;
  bool has_data = false;
  std::uint64_t digest = 0; ///< payload_digest of the payload, when the event had one
  std::vector<std::uint8_t> data;
  std::uint8_t fields = hal::kAllFields;
  std::string reason;
  std::string name;
  std::string channel;
  std::string thread;
  std::uint64_t time_ps = 0;
};

inline RecordedProbe record_probe(const hal::ProbeEvent& e, std::string thread = "",
                                  std::uint64_t time_ps = 0) {
  RecordedProbe p;
  p.kind = e.kind;
  p.address = e.address;
  p.src = e.src;
  p.dst = e.dst;
  p.length = e.length;
  p.fields = e.fields;
  if (e.data != nullptr) {
    p.has_data = true;
    p.digest = hal::payload_digest(e.data, e.length);
    const auto* b = static_cast<const std::uint8_t*>(e.data);
    p.data.assign(b, b + e.length);
  }
  p.reason = std::string(e.reason);
  p.name = std::string(e.name);
  p.channel = std::string(e.channel);
  p.thread = std::move(thread);
  p.time_ps = time_ps;
  return p;
}

/// The probes of one kind, in order.
inline std::vector<RecordedProbe> probes_of(const std::vector<RecordedProbe>& all,
                                            hal::ProbeKind kind) {
  std::vector<RecordedProbe> out;
  for (const RecordedProbe& p : all)
    if (p.kind == kind) out.push_back(p);
  return out;
}

} // namespace sim::test
