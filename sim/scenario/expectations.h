// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario's `expect:` block: every key optional; integers exact or as ">=N", "<=N", "A..B";
// console expectations are substrings that must appear in that side's console output.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/common/config/keys.h"
#include "sim/scenario/software_counters.h"
#include "sw/hal/side.h"

namespace sim::app {

struct CountSpec {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
  std::string text;
  bool matches(std::uint64_t v) const { return v >= lo && v <= hi; }
};

/// Parses `3`, `">=1"`, `"<=5"`, `"2..4"`.
CountSpec parse_count(const config::ConfigNode& node);

struct Expectations {
  std::optional<std::string> outcome;
  std::map<std::string, CountSpec> messages;
  /// Drops by reason (`slot_overwritten: ">=1"`); a reason never seen counts 0.
  std::map<std::string, CountSpec> drops;
  std::map<Side, std::vector<std::string>> console;
  struct Panic {
    std::optional<std::string> cluster;
    std::optional<std::string> kind;
    std::optional<std::uint64_t> address;
  };
  std::optional<Panic> panic;
  /// Latency percentiles in whole microseconds (`latency_us: {p99: "<=500"}`).
  std::map<std::string, CountSpec> latency_us;
  /// Ledger counts per channel and direction
  /// (`channels: {rpmsg-client-sample: {master_to_remote: {sent: 3}}}`).
  std::map<std::string, std::map<Direction, std::map<std::string, CountSpec>>> channels;
  /// A stack's counters (`linux: {kicks_lost: ">=1"}`).
  std::map<Stack, std::map<std::string, CountSpec>> counters;
  /// Channels Linux must have created.
  std::vector<std::string> linux_channels;
  /// Substrings of Linux's attach error and of the Zephyr image's error.
  std::optional<std::string> attach_error;
  std::optional<std::string> zephyr_error;
  /// Sanitizer counts: `violations` and per kind (`stale_read: ">=1"`).
  std::map<std::string, CountSpec> coherency;
  /// Kind and field of the first finding (`first_symbol: vring1.avail.idx`).
  std::optional<std::string> first_kind;
  std::optional<std::string> first_symbol;
  bool empty() const {
    return !outcome && messages.empty() && drops.empty() && console.empty() && !panic &&
           latency_us.empty() && channels.empty() && counters.empty() && linux_channels.empty() &&
           !attach_error && !zephyr_error && coherency.empty() && !first_kind && !first_symbol;
  }
};

/// The `expect:` block's declared keys (expectation_keys.cpp).
const config::KeySet& expectation_keys();

/// Reads `expect:` through its declarations: an unknown key, reason, counter or kind is refused
/// with the nearest declared one.
Expectations parse_expectations(const config::ConfigNode& expect);

} // namespace sim::app
