// SPDX-License-Identifier: Apache-2.0
#include "sim/timing.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace sim::app {
namespace {

struct DirectionSamples {
  std::uint64_t messages = 0;
  std::uint64_t received = 0;
  std::map<std::pair<unsigned, unsigned>, std::vector<std::uint64_t>> intervals;
  std::vector<std::uint64_t> total;
};

void add_message(const Ledger::Message& m, DirectionSamples& d) {
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
  if (!m.received) return;
  ++d.received;
  // From the send call when the stack saw it, else from the application's probe.
  const std::uint64_t start =
      st.has(MessageStage::kSend) ? std::min(st.at(MessageStage::kSend), m.sent_ps) : m.sent_ps;
  d.total.push_back(m.received_ps >= start ? m.received_ps - start : 0);
}

} // namespace

TimingResult summarize_timing(const Ledger& ledger, const std::vector<EchoPair>& echo_pairs,
                              std::vector<CoreUsage> cores) {
  TimingResult out;
  std::map<std::string, DirectionSamples> by_sender;
  std::uint64_t first_send = UINT64_MAX, last_receive = 0;
  for (const auto& [key, copies] : ledger.messages()) {
    for (const Ledger::Message& m : copies) {
      add_message(m, by_sender[cluster_of(m.sender)]);
      first_send = std::min(first_send, m.sent_ps);
      if (!m.received) continue;
      ++out.throughput.received;
      last_receive = std::max(last_receive, m.received_ps);
    }
  }
  if (out.throughput.received > 0 && last_receive > first_send) {
    out.throughput.window_ps = last_receive - first_send;
    out.throughput.per_s = static_cast<double>(out.throughput.received) * 1e12 /
                           static_cast<double>(out.throughput.window_ps);
  }
  for (auto& [sender, samples] : by_sender) {
    DirectionTiming d;
    d.sender = sender;
    d.messages = samples.messages;
    d.received = samples.received;
    for (auto& [fromto, values] : samples.intervals)
      d.intervals.push_back({static_cast<MessageStage>(fromto.first),
                             static_cast<MessageStage>(fromto.second),
                             percentiles(std::move(values))});
    d.total = percentiles(std::move(samples.total));
    out.directions.push_back(std::move(d));
  }
  const auto& messages = ledger.messages();
  for (const EchoPair& pair : echo_pairs) {
    std::vector<std::uint64_t> rtt;
    for (const auto& [key, copies] : messages) {
      if (key.first != pair.request || copies.empty()) continue;
      auto reply = messages.find({pair.reply, key.second});
      if (reply == messages.end()) continue;
      const Ledger::Message& request = copies.front();
      for (const Ledger::Message& r : reply->second) {
        if (!r.received || r.received_ps < request.sent_ps) continue;
        rtt.push_back(r.received_ps - request.sent_ps);
        break;
      }
    }
    if (!rtt.empty()) out.round_trips.push_back({pair, percentiles(std::move(rtt))});
  }
  out.cores = std::move(cores);
  return out;
}

} // namespace sim::app
