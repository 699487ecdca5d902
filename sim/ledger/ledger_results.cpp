// SPDX-License-Identifier: Apache-2.0
// The message ledger at the end of a run: what is left decided, counts, records (ledger.h).
#include <algorithm>
#include <cstdio>

#include "sim/ledger/ledger.h"
#include "sim/ledger/percentiles.h"
#include "sw/hal/drop_reasons.h"

namespace sim::app {

const char* Ledger::still_pending(const Message& m) const {
  const ClusterState& r = state_[m.receiver];
  if (halted_[m.receiver] || r.last_boot_seq > m.publish_seq) return nullptr; // gone
  if (r.last_take_seq > r.last_idle_seq) return "the receiver is still draining its ring";
  if (r.irq_high || r.last_irq_seq > r.last_idle_seq) return "a notification is pending";
  // The doorbell was written but the receiver's pin has not risen yet (latency, a delay fault),
  // or the sender's driver still queues a notification it accepted after the publish.
  if (m.stages.has(MessageStage::kKick) && !m.stages.has(MessageStage::kIrq))
    return "its doorbell is on its way";
  const ClusterState& s = state_[m.sender];
  if (s.kicks_requested > s.kicks_written && s.last_kick_request_seq > m.publish_seq)
    return "its doorbell is queued in the sender's driver";
  return nullptr;
}

void Ledger::finish(std::uint64_t end_ps, const std::vector<Side>& halted) {
  if (finished_) return;
  finished_ = true;
  for (Side h : halted) halted_[h] = true;
  std::uint64_t next_id = 0;
  for (Message& m : messages_) {
    if (m.control || m.phantom) continue;
    m.id = ++next_id;
    if (m.state != State::kInFlight) {
      // A corrupted message counts as received when it was read (or taken by its application).
      if (m.state == State::kCorrupted) m.stages.record(MessageStage::kReceive, m.received_ps);
      continue;
    }
    switch (m.phase) {
    case Phase::kHanded:
      // Its application reported nothing more: the callback consumed it.
      m.state = State::kDelivered;
      m.received_ps = m.handed_ps;
      m.stages.record(MessageStage::kReceive, m.handed_ps);
      break;
    case Phase::kInRing:
      // Will the receiver still look? (A restart since the publish, or a halt, means never.)
      if (const char* why = still_pending(m))
        m.waiting = intern(why);
      else
        drop(m, hal::drop::kStuckInRing, kNone, end_ps);
      break;
    case Phase::kSending:
    case Phase::kBuffered:
      if (halted_[m.sender]) drop(m, hal::drop::kLostInHalt, kNone, end_ps);
      break;
    default: // taken, or kept by the application: still moving unless its receiver halted
      if (halted_[m.receiver]) drop(m, hal::drop::kLostInHalt, kNone, end_ps);
      break;
    }
  }
}

std::uint64_t Ledger::id_of(std::uint64_t index) const {
  return index < messages_.size() ? messages_[index].id : 0;
}

std::string Ledger::label(const Message& m) const {
  if (m.bare_name != kNone) return strings_[m.bare_name];
  // The endpoint on either end that the name service announced names the channel.
  auto it = names_.find({m.sender, m.src});
  if (it == names_.end()) it = names_.find({m.receiver, m.dst});
  if (it != names_.end()) return it->second;
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%x->0x%x", m.src, m.dst);
  return buf;
}

std::string Ledger::where_in_flight(const Message& m) const {
  switch (m.phase) {
  case Phase::kSending:
    return std::string("in ") + side_name(m.sender) + "'s send, waiting for a TX buffer";
  case Phase::kBuffered:
    return std::string("in ") + side_name(m.sender) + "'s TX buffer, not yet published";
  case Phase::kInRing:
    return "in " + (m.ring != kNone ? strings_[m.ring] : std::string("the ring")) +
           ", not yet taken (" + (m.waiting != kNone ? strings_[m.waiting] : "") + ")";
  case Phase::kTaken:
    return std::string("taken by ") + side_name(m.receiver) +
           "'s stack, not yet handed to an endpoint";
  case Phase::kHeld:
    return std::string("kept by ") + side_name(m.receiver) + "'s application in " +
           (m.where != kNone ? strings_[m.where] : std::string("its storage"));
  default:
    return "";
  }
}

Ledger::Record Ledger::record(const Message& m) const {
  Record r;
  r.id = m.id;
  r.channel = label(m);
  r.direction = direction_from(m.sender);
  r.sender = threads_[m.sender_thread];
  if (m.receiver_thread != kNone) r.receiver = threads_[m.receiver_thread];
  r.consumer = m.consumer_thread != kNone ? threads_[m.consumer_thread] : r.receiver;
  r.src = m.src;
  r.dst = m.dst;
  r.length = m.length;
  r.buffer = m.buffer;
  r.sent_ps = m.sent_ps;
  r.echo_of = id_of(m.echo_of);
  r.echo_repeat = m.echo_repeat;
  r.stages = m.stages;
  switch (m.state) {
  case State::kDelivered:
  case State::kCorrupted:
    r.state = m.state == State::kDelivered ? "delivered" : "corrupted";
    // Each core stamps its own (decoupled) time; a receive is never before its send.
    r.received_ps = std::max(m.received_ps, m.sent_ps);
    r.read_as = id_of(m.read_as);
    break;
  case State::kDropped:
    r.state = "dropped";
    r.reason = strings_[m.reason];
    r.dropped_ps = std::max(m.dropped_ps, m.sent_ps);
    // The ledger's own drops name the side that held it.
    r.dropped_by = m.dropped_by != kNone ? threads_[m.dropped_by]
                   : m.phase == Phase::kSending || m.phase == Phase::kBuffered
                       ? Actor{m.sender, ""}
                       : Actor{m.receiver, ""};
    break;
  case State::kInFlight:
    r.state = "in_flight";
    r.where = where_in_flight(m);
    break;
  }
  return r;
}

std::vector<Ledger::Record> Ledger::records() const {
  std::vector<Record> out;
  out.reserve(messages_.size());
  for (const Message& m : messages_)
    if (m.id != 0) out.push_back(record(m));
  return out;
}

namespace {

void count(const Ledger::Record& r, MessageCounts& c) {
  ++c.sent;
  if (r.echo_of != 0) ++c.echoes;
  if (r.state == "delivered") {
    ++c.delivered;
  } else if (r.state == "corrupted") {
    ++c.corrupted;
  } else if (r.state == "dropped") {
    ++c.dropped;
    ++c.drops[r.reason];
  } else {
    ++c.in_flight;
  }
}

} // namespace

LedgerSummary Ledger::summary(const std::vector<Record>& records) const {
  LedgerSummary s;
  std::vector<std::uint64_t> latencies;
  for (const Record& r : records) {
    count(r, s);
    if (r.state == "in_flight") ++s.in_flight_where[r.where];
    if (r.state == "delivered" || r.state == "corrupted")
      latencies.push_back(r.received_ps - r.sent_ps);
  }
  for (const Message& m : messages_) {
    if (m.control) ++s.control;
    if (!m.phantom) continue;
    ++s.unexpected;
    s.unexpected_read_as.push_back(id_of(m.read_as));
  }
  s.unexpected_drops = unexpected_drops_;
  const Percentiles p = percentiles(std::move(latencies));
  s.latency_p50_ps = p.p50;
  s.latency_p99_ps = p.p99;
  s.latency_max_ps = p.max;
  return s;
}

ChannelCounts count_channels(const std::vector<Ledger::Record>& records) {
  ChannelCounts out;
  for (const Ledger::Record& r : records) count(r, out[{r.channel, r.direction}]);
  return out;
}

} // namespace sim::app
