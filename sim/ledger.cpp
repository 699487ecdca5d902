// SPDX-License-Identifier: Apache-2.0
#include "sim/ledger.h"

#include <algorithm>

namespace sim::app {
namespace {

std::uint64_t percentile(std::vector<std::uint64_t> sorted, double p) {
  if (sorted.empty()) return 0;
  // Nearest-rank percentile: deterministic and exact for small samples.
  auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size()) + 0.999999);
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

} // namespace

void Ledger::on_probe(const std::string& cluster, const std::string& thread,
                      const hal::ProbeEvent& event, std::uint64_t time_ps) {
  switch (event.kind) {
  case hal::ProbeKind::kMessageSent: {
    Message& m = messages_[{std::string(event.endpoint), event.id}];
    m.endpoint = std::string(event.endpoint);
    m.sender = cluster + "/" + thread;
    m.digest = event.digest;
    m.length = event.length;
    m.sent_ps = time_ps;
    break;
  }
  case hal::ProbeKind::kMessageReceived: {
    auto it = messages_.find({std::string(event.endpoint), event.id});
    if (it == messages_.end() || it->second.received) {
      ++unexpected_;
      break;
    }
    it->second.received = true;
    it->second.received_ps = time_ps;
    it->second.received_digest = event.digest;
    break;
  }
  case hal::ProbeKind::kMessageDropped: {
    auto it = messages_.find({std::string(event.endpoint), event.id});
    if (it != messages_.end() && !it->second.received && it->second.drop_reason.empty())
      it->second.drop_reason = std::string(event.reason);
    break;
  }
  case hal::ProbeKind::kNote:
    notes_.push_back(cluster + ": " + std::string(event.reason));
    break;
  }
}

LedgerSummary Ledger::summary() const {
  LedgerSummary s;
  s.unexpected = unexpected_;
  std::vector<std::uint64_t> latencies;
  for (const auto& [key, m] : messages_) {
    ++s.sent;
    if (m.received) {
      if (m.received_digest == m.digest)
        ++s.delivered;
      else
        ++s.corrupted;
      latencies.push_back(m.received_ps - m.sent_ps);
    } else if (!m.drop_reason.empty()) {
      ++s.dropped;
      ++s.drops[m.drop_reason];
    } else {
      ++s.in_flight;
    }
  }
  std::sort(latencies.begin(), latencies.end());
  s.latency_p50_ps = percentile(latencies, 0.50);
  s.latency_p99_ps = percentile(latencies, 0.99);
  s.latency_max_ps = latencies.empty() ? 0 : latencies.back();
  return s;
}

} // namespace sim::app
