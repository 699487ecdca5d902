// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/expectations.h"

#include <limits>

#include "models/common/units.h"
#include "sim/scenario/software_counters.h"

namespace sim::app {
namespace {

using config::ConfigNode;
using config::KeyReader;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

/// The counts of `keys` present in `node` (none when absent), by key.
/// The counts among the keys `r` reads.
std::map<std::string, CountSpec> counts(const KeyReader& r, const config::KeySet& keys) {
  std::map<std::string, CountSpec> out;
  for (const config::Key& k : keys.keys())
    if (k.kind == config::ValueKind::kCount)
      if (auto n = r.get(k.name)) out[k.name] = parse_count(*n);
  return out;
}

/// The counts of `keys` in `node` (none when absent).
std::map<std::string, CountSpec> counts(const config::KeySet& keys,
                                        const std::optional<ConfigNode>& node) {
  if (!node) return {};
  return counts(KeyReader(keys, *node), keys);
}

void parse_channels(const KeyReader& expect, Expectations& e) {
  const config::KeySet& channel = *expectation_keys().at("channels").keys;
  for (const auto& [name, directions] : expect.named("channels")) {
    const KeyReader d(channel, directions);
    for (Direction direction : kDirections) {
      const char* key = direction_key(direction);
      std::map<std::string, CountSpec> c = counts(*channel.at(key).keys, d.get(key));
      if (!c.empty()) e.channels[name][direction] = std::move(c);
    }
  }
}

// `linux:` / `zephyr:`: counters by name, plus the side's own non-counter keys.
void parse_software(const KeyReader& expect, Stack stack, Expectations& e) {
  const auto node = expect.get(stack_name(stack));
  if (!node) return;
  const config::KeySet& keys = *expectation_keys().at(stack_name(stack)).keys;
  const KeyReader r(keys, *node);
  e.counters[stack] = counts(r, keys);
  if (e.counters[stack].empty()) e.counters.erase(stack);
  if (stack == Stack::kLinux) {
    if (auto ch = r.get("channels"))
      for (const ConfigNode& c : ch->items()) e.linux_channels.push_back(c.str());
    if (r.has("attach_error")) e.attach_error = r.text("attach_error");
  } else if (r.has("error")) {
    e.zephyr_error = r.text("error");
  }
}

void parse_coherency(const KeyReader& expect, Expectations& e) {
  const auto node = expect.get("coherency");
  if (!node) return;
  const config::KeySet& keys = *expectation_keys().at("coherency").keys;
  const KeyReader r(keys, *node);
  e.coherency = counts(r, keys);
  if (r.has("first_kind")) e.first_kind = r.choice_text("first_kind");
  if (r.has("first_symbol")) e.first_symbol = r.text("first_symbol");
}

} // namespace

CountSpec parse_count(const ConfigNode& node) {
  const std::string s = node.str();
  CountSpec c;
  c.text = s;
  try {
    if (s.rfind(">=", 0) == 0) {
      c.lo = parse_uint(s.substr(2));
      c.hi = kMax;
    } else if (s.rfind("<=", 0) == 0) {
      c.lo = 0;
      c.hi = parse_uint(s.substr(2));
    } else if (std::size_t dots = s.find(".."); dots != std::string::npos) {
      c.lo = parse_uint(s.substr(0, dots));
      c.hi = parse_uint(s.substr(dots + 2));
      if (c.lo > c.hi) node.fail("range '" + s + "' is empty (low end above high end)");
    } else {
      c.lo = c.hi = parse_uint(s);
    }
  } catch (const UnitError&) {
    node.fail("expected a count: N, \">=N\", \"<=N\" or \"A..B\", got '" + s + "'");
  }
  return c;
}

Expectations parse_expectations(const ConfigNode& node) {
  // Before the key check, which would only say "unknown key".
  if (auto eps = node.is_null() ? std::nullopt : node.get("endpoints"))
    eps->fail("replaced by `channels:` — messages are counted per channel (the name the remote "
              "announced) and direction: channels: {rpmsg-client-sample: {master_to_remote: "
              "{sent: 3}, remote_to_master: {delivered: 3}}}");
  const config::KeySet& keys = expectation_keys();
  const KeyReader expect(keys, node);
  const auto sub = [&](const char* key) -> const config::KeySet& { return *keys.at(key).keys; };
  Expectations e;
  if (expect.has("outcome")) e.outcome = expect.choice_text("outcome");
  e.messages = counts(sub("messages"), expect.get("messages"));
  e.drops = counts(sub("drops"), expect.get("drops"));
  if (auto c = expect.get("console")) {
    const KeyReader console(sub("console"), *c);
    for (Side side : kSides)
      if (auto lines = console.get(side_name(side)))
        for (const ConfigNode& line : lines->items()) e.console[side].push_back(line.str());
  }
  e.latency_us = counts(sub("latency_us"), expect.get("latency_us"));
  parse_channels(expect, e);
  parse_software(expect, Stack::kLinux, e);
  parse_software(expect, Stack::kZephyr, e);
  parse_coherency(expect, e);
  if (auto p = expect.get("panic")) {
    const KeyReader r(sub("panic"), *p);
    Expectations::Panic panic;
    if (r.has("cluster")) panic.cluster = r.choice_text("cluster");
    if (r.has("kind")) panic.kind = r.choice_text("kind");
    panic.address = r.uint_if("address");
    e.panic = panic;
  }
  return e;
}

} // namespace sim::app
