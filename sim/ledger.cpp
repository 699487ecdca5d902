// SPDX-License-Identifier: Apache-2.0
#include "sim/ledger.h"

#include <algorithm>

#include "sim/percentiles.h"

namespace sim::app {
namespace {

void count(const Ledger::Message& m, LedgerSummary& s, std::vector<std::uint64_t>& latencies) {
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

} // namespace

Ledger::Message* Ledger::oldest_open(const Key& key) {
  auto it = messages_.find(key);
  if (it == messages_.end()) return nullptr;
  for (Message& m : it->second)
    if (!m.received && m.drop_reason.empty()) return &m;
  return nullptr;
}

void Ledger::on_probe(const std::string& cluster, const std::string& thread,
                      const hal::ProbeEvent& event, std::uint64_t time_ps) {
  switch (event.kind) {
  case hal::ProbeKind::kMessageSent: {
    Message m;
    m.endpoint = std::string(event.endpoint);
    m.sender = cluster + "/" + thread;
    m.digest = event.digest;
    m.length = event.length;
    m.sent_ps = time_ps;
    const Key key{m.endpoint, event.id};
    // A sender that probes after its send returns can be overtaken by the receiver's probe.
    auto orphan = orphans_.find(key);
    if (orphan != orphans_.end() && !orphan->second.empty()) {
      const Received& r = orphan->second.front();
      m.received = true;
      m.received_ps = std::max(r.time_ps, m.sent_ps);
      m.received_digest = r.digest;
      m.receiver = r.receiver;
      orphan->second.erase(orphan->second.begin());
    }
    std::deque<Message>& copies = messages_[key];
    copies.push_back(std::move(m));
    Message& stored = copies.back();
    stages_.on_message_sent(cluster, thread, stored.stages, time_ps, event.after_send);
    if (stored.received) stored.stages.record(MessageStage::kReceive, stored.received_ps);
    break;
  }
  case hal::ProbeKind::kMessageReceived: {
    const Key key{std::string(event.endpoint), event.id};
    Message* m = oldest_open(key);
    if (m == nullptr) {
      orphans_[key].push_back({time_ps, event.digest, cluster + "/" + thread});
      break;
    }
    m->received = true;
    // Each core stamps its own (decoupled) time; a receive is never before its send.
    m->received_ps = std::max(time_ps, m->sent_ps);
    m->received_digest = event.digest;
    m->receiver = cluster + "/" + thread;
    m->stages.record(MessageStage::kReceive, m->received_ps);
    break;
  }
  case hal::ProbeKind::kMessageDropped: {
    if (Message* m = oldest_open({std::string(event.endpoint), event.id})) {
      m->drop_reason = std::string(event.reason);
      m->dropped_ps = time_ps;
    } else {
      ++unexpected_drops_;
    }
    break;
  }
  case hal::ProbeKind::kNote:
    notes_.push_back(cluster + ": " + std::string(event.reason));
    break;
  case hal::ProbeKind::kStage:
    stages_.on_stage(cluster, thread, event, time_ps);
    break;
  }
}

LedgerSummary Ledger::summary() const {
  LedgerSummary s;
  for (const auto& [key, received] : orphans_) s.unexpected += received.size();
  s.unexpected_drops = unexpected_drops_;
  std::vector<std::uint64_t> latencies;
  for (const auto& [key, copies] : messages_) {
    for (const Message& m : copies) count(m, s, latencies);
  }
  const Percentiles p = percentiles(std::move(latencies));
  s.latency_p50_ps = p.p50;
  s.latency_p99_ps = p.p99;
  s.latency_max_ps = p.max;
  return s;
}

std::vector<Ledger::Record> Ledger::records() const {
  std::vector<Record> out;
  for (const auto& [key, copies] : messages_) {
    for (const Message& m : copies) {
      Record r;
      r.endpoint = m.endpoint;
      r.id = key.second;
      r.sender = m.sender;
      r.length = m.length;
      r.sent_ps = m.sent_ps;
      r.stages = m.stages;
      if (m.received) {
        r.state = m.received_digest == m.digest ? "delivered" : "corrupted";
        r.received_ps = m.received_ps;
        r.receiver = m.receiver;
      } else if (!m.drop_reason.empty()) {
        r.state = "dropped";
        r.reason = m.drop_reason;
        r.dropped_ps = m.dropped_ps;
      } else {
        r.state = "in_flight";
      }
      out.push_back(std::move(r));
    }
  }
  // Stable: copies of one key stay in send order.
  std::stable_sort(out.begin(), out.end(),
                   [](const Record& a, const Record& b) { return a.sent_ps < b.sent_ps; });
  return out;
}

} // namespace sim::app
