// SPDX-License-Identifier: Apache-2.0
#include "sim/run/timing.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace sim::app {
namespace {

bool received(const Ledger::Record& m) {
  return m.state == "delivered" || m.state == "corrupted";
}

struct DirectionSamples {
  std::uint64_t messages = 0;
  std::uint64_t received = 0;
  std::map<std::pair<unsigned, unsigned>, std::vector<std::uint64_t>> intervals;
  std::vector<std::uint64_t> total;
};

void add_message(const Ledger::Record& m, DirectionSamples& d) {
  ++d.messages;
  const StageTimes& st = m.stages;
  int previous = -1;
  for (unsigned i = 0; i < kMessageStageCount; ++i) {
    if (!st.has(static_cast<MessageStage>(i))) continue;
    if (previous >= 0)
      d.intervals[{static_cast<unsigned>(previous), i}].push_back(
          st.ps[i] - st.ps[static_cast<unsigned>(previous)]);
    previous = static_cast<int>(i);
  }
  if (!received(m)) return;
  ++d.received;
  d.total.push_back(m.received_ps - m.sent_ps);
}

} // namespace

TimingResult summarize_timing(const std::vector<Ledger::Record>& records,
                              std::vector<CoreUsage> cores) {
  TimingResult out;
  std::map<Direction, DirectionSamples> by_direction;
  std::uint64_t first_send = UINT64_MAX, last_receive = 0;
  std::map<std::uint64_t, const Ledger::Record*> by_id;
  for (const Ledger::Record& m : records) {
    by_id[m.id] = &m;
    add_message(m, by_direction[m.direction]);
    first_send = std::min(first_send, m.sent_ps);
    if (!received(m)) continue;
    ++out.throughput.received;
    last_receive = std::max(last_receive, m.received_ps);
  }
  if (out.throughput.received > 0 && last_receive > first_send) {
    out.throughput.window_ps = last_receive - first_send;
    out.throughput.per_s = static_cast<double>(out.throughput.received) * 1e12 /
                           static_cast<double>(out.throughput.window_ps);
  }
  for (auto& [direction, samples] : by_direction) {
    DirectionTiming d;
    d.direction = direction;
    d.messages = samples.messages;
    d.received = samples.received;
    for (auto& [fromto, values] : samples.intervals)
      d.intervals.push_back({static_cast<MessageStage>(fromto.first),
                             static_cast<MessageStage>(fromto.second),
                             percentiles(std::move(values))});
    d.total = percentiles(std::move(samples.total));
    out.directions.push_back(std::move(d));
  }
  // Round trips: a request's send to the receipt of the reply that echoes it.
  std::map<std::pair<std::string, Side>, std::vector<std::uint64_t>> rtt;
  for (const Ledger::Record& reply : records) {
    if (reply.echo_of == 0 || reply.echo_repeat || !received(reply)) continue;
    auto request = by_id.find(reply.echo_of);
    if (request == by_id.end() || reply.received_ps < request->second->sent_ps) continue;
    rtt[{request->second->channel, request->second->sender.side}].push_back(
        reply.received_ps - request->second->sent_ps);
  }
  for (auto& [key, values] : rtt)
    out.round_trips.push_back({key.first, key.second, percentiles(std::move(values))});
  out.cores = std::move(cores);
  return out;
}

} // namespace sim::app
