// SPDX-License-Identifier: Apache-2.0
// The message ledger, transport level: sends, publishes, takes and reads (ledger.h).
#include "sim/ledger/ledger.h"

#include <algorithm>

#include "sw/hal/drop_reasons.h"
#include "sw/shm/layout.h"

namespace sim::app {

std::uint32_t Ledger::thread_index(Side side, const std::string& thread) {
  auto& ids = thread_ids_[side];
  auto it = ids.find(thread);
  if (it != ids.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(threads_.size());
  threads_.push_back({side, thread});
  ids.emplace(thread, id);
  return id;
}

std::uint32_t Ledger::intern(std::string_view text) {
  // Few distinct strings (reasons, rings, places): a scan beats hashing a fresh std::string.
  for (std::size_t i = 0; i < strings_.size(); ++i)
    if (strings_[i] == text) return static_cast<std::uint32_t>(i);
  strings_.emplace_back(text);
  return static_cast<std::uint32_t>(strings_.size() - 1);
}

Ledger::Message& Ledger::new_message(Side side, std::uint32_t thread, std::uint64_t t) {
  Message& m = messages_.emplace_back();
  m.index = messages_.size() - 1;
  m.sender = side;
  m.receiver = peer_of(side);
  m.sender_thread = thread;
  m.sent_ps = t;
  m.stages.record(MessageStage::kSend, t);
  return m;
}

void Ledger::drop(Message& m, std::string_view reason, std::uint32_t by, std::uint64_t t) {
  if (m.state != State::kInFlight) return; // the first loss is the one that counts
  m.state = State::kDropped;
  m.reason = intern(reason);
  m.dropped_by = by;
  m.dropped_ps = t;
}

void Ledger::on_probe(Side c, const std::string& thread, const hal::ProbeEvent& e,
                      std::uint64_t t) {
  ++seq_;
  switch (e.kind) {
  case hal::ProbeKind::kNote:
    notes_.push_back(side_name(c) + std::string(": ") + std::string(e.reason));
    return;
  case hal::ProbeKind::kKick:
    ++state_[c].kicks_requested;
    state_[c].last_kick_request_seq = seq_;
    return;
  case hal::ProbeKind::kKickLost:
    notifications_.on_kick_lost(c);
    return;
  case hal::ProbeKind::kRxIsr:
    notifications_.on_isr(c, t);
    return;
  case hal::ProbeKind::kRxIdle:
    state_[c].last_idle_seq = seq_;
    return;
  case hal::ProbeKind::kBoot:
    rebooted(c, t);
    return;
  default:
    break;
  }
  const std::uint32_t th = thread_index(c, thread);
  switch (e.kind) {
  case hal::ProbeKind::kTxStart:
    tx_start(c, th, e, t);
    break;
  case hal::ProbeKind::kTxBuffer:
    tx_buffer(c, th, e, t);
    break;
  case hal::ProbeKind::kTxPublished:
    tx_published(c, th, e, t);
    break;
  case hal::ProbeKind::kTxFailed:
    tx_failed(th, e, t);
    break;
  case hal::ProbeKind::kRxTaken:
    rx_taken(c, th, e, t);
    break;
  case hal::ProbeKind::kRxHanded:
    rx_handed(c, th, e, t);
    break;
  case hal::ProbeKind::kRxDropped:
    rx_dropped(c, th, e, t);
    break;
  case hal::ProbeKind::kAppHeld:
  case hal::ProbeKind::kAppConsumed:
  case hal::ProbeKind::kAppDropped:
    app_event(c, th, e, t);
    break;
  default:
    break;
  }
}

void Ledger::tx_start(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  auto unfinished = sending_.find(thread);
  if (unfinished != sending_.end()) {
    const Message& u = messages_[unfinished->second];
    notes_.push_back(threads_[thread].text() + ": a send started while its previous one (" +
                     std::to_string(u.length) + " bytes to " + std::to_string(u.dst) +
                     ") was neither published nor failed: the stack did not report its end");
  }
  last_published_.erase(thread); // a failure from here on is this send's
  Message& m = new_message(side, thread, t);
  m.src = e.src;
  m.dst = e.dst;
  m.length = e.length;
  m.digest = e.data != nullptr ? hal::payload_digest(e.data, e.length) : 0;
  m.control = e.dst == sw::shm::kRpmsgNsAddress;
  if (!e.channel.empty()) m.bare_name = intern(e.channel);
  sending_[thread] = m.index;
}

void Ledger::tx_buffer(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  auto it = sending_.find(thread);
  if (it == sending_.end() || messages_[it->second].phase != Phase::kSending) {
    // A send that skipped the entry point (zero-copy): its header comes with the publish.
    sending_[thread] = new_message(side, thread, t).index;
    it = sending_.find(thread);
  }
  Message& m = messages_[it->second];
  m.phase = Phase::kBuffered;
  m.buffer = e.address;
  m.stages.record(MessageStage::kBuffer, t);
}

void Ledger::tx_published(Side side, std::uint32_t thread, const hal::ProbeEvent& e,
                          std::uint64_t t) {
  Message* m = nullptr;
  auto it = sending_.find(thread);
  if (it != sending_.end()) {
    Message& s = messages_[it->second];
    if (s.phase == Phase::kSending || s.buffer == e.address) m = &s;
    sending_.erase(it);
  }
  if (m == nullptr) {
    // Published without a reported start: the header on the wire is all there is.
    m = &new_message(side, thread, t);
    m->src = e.src;
    m->dst = e.dst;
    m->length = e.length;
    m->digest = e.data != nullptr ? hal::payload_digest(e.data, e.length) : 0;
    m->control = e.dst == sw::shm::kRpmsgNsAddress;
    if (!e.channel.empty()) m->bare_name = intern(e.channel);
  }
  const std::uint64_t index = m->index;
  m->wire_length = e.length;
  m->wire_digest = e.data != nullptr ? hal::payload_digest(e.data, e.length) : m->digest;
  m->buffer = e.address;
  m->phase = Phase::kInRing;
  m->publish_seq = seq_;
  last_published_[thread] = index;
  if (!e.name.empty()) m->ring = intern(e.name);
  m->stages.record(MessageStage::kBuffer, t);
  m->stages.record(MessageStage::kPublish, t);
  // OpenAMP cuts a message longer than its buffer without telling anyone (rpmsg-protocol.md §9 B4).
  if (e.length < m->length) drop(*m, hal::drop::kTruncated, thread, t);
  in_ring_[e.address].push_back(index);
  notifications_.on_published(side, m->stages);
  if (m->control) {
    learn_name(*m, e);
    return;
  }
  by_digest_[m->wire_digest].push_back(index);
  pair_echo(*m, e);
}

void Ledger::tx_failed(std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  auto it = sending_.find(thread);
  if (it != sending_.end()) {
    Message& m = messages_[it->second];
    sending_.erase(it);
    drop(m, e.reason, thread, t);
    m.phase = Phase::kDone;
    return;
  }
  // A stack reports the publish just before the store that makes it visible; if that store then
  // fails (the ring refused the buffer), the message never was in the ring.
  auto last = last_published_.find(thread);
  if (last != last_published_.end() && messages_[last->second].phase == Phase::kInRing) {
    Message& m = messages_[last->second];
    auto& q = in_ring_[m.buffer];
    q.erase(std::remove(q.begin(), q.end(), m.index), q.end());
    last_published_.erase(last);
    drop(m, e.reason, thread, t);
    m.phase = Phase::kDone;
    return;
  }
  notes_.push_back(threads_[thread].text() + ": a send failed (" + std::string(e.reason) +
                   ") that was never started");
}

void Ledger::rebooted(Side side, std::uint64_t t) {
  // What the previous image was sending, had taken or kept dies with it; a message its callback
  // consumed stays delivered. Messages in its receive ring stay there: the new image may take
  // them (finish() decides).
  for (Message& m : messages_) {
    if (m.state != State::kInFlight && m.phase == Phase::kDone) continue;
    const bool sending =
        m.sender == side && (m.phase == Phase::kSending || m.phase == Phase::kBuffered);
    const bool receiving =
        m.receiver == side &&
        (m.phase == Phase::kTaken || m.phase == Phase::kHanded || m.phase == Phase::kHeld);
    if (!sending && !receiving) continue;
    if (m.phase == Phase::kHanded && m.state == State::kInFlight) {
      m.state = State::kDelivered;
      m.received_ps = m.handed_ps;
      m.stages.record(MessageStage::kReceive, m.handed_ps);
    } else {
      drop(m, hal::drop::kLostInReset, kNone, t);
    }
    m.phase = Phase::kDone;
  }
  const auto of_side = [&](std::uint32_t thread) { return threads_[thread].side == side; };
  for (auto it = sending_.begin(); it != sending_.end();)
    it = of_side(it->first) ? sending_.erase(it) : std::next(it);
  for (auto it = reading_.begin(); it != reading_.end();)
    it = of_side(it->first) ? reading_.erase(it) : std::next(it);
  for (auto it = app_pending_.begin(); it != app_pending_.end();)
    it = it->first.first == side ? app_pending_.erase(it) : std::next(it);
  state_[side].last_boot_seq = seq_;
}

const Ledger::Reading* Ledger::reading(std::uint32_t thread, std::uint64_t buffer) const {
  auto it = reading_.find(thread);
  return it != reading_.end() && it->second.buffer == buffer ? &it->second : nullptr;
}

void Ledger::rx_taken(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  state_[side].last_take_seq = seq_;
  auto q = in_ring_.find(e.address);
  std::uint64_t index = kNoMessage;
  if (q != in_ring_.end() && !q->second.empty()) {
    index = q->second.front();
    q->second.pop_front();
  } else {
    // Nothing was published in this buffer (a ring entry read twice, or a stale one): what the
    // receiver reads is somebody's old bytes, a phantom.
    Message& p = new_message(peer_of(side), kNone, t);
    p.phantom = true;
    p.buffer = e.address;
    index = p.index;
  }
  Message& m = messages_[index];
  m.phase = Phase::kTaken;
  m.receiver = side;
  m.receiver_thread = thread;
  m.take_seq = seq_;
  m.stages.record(MessageStage::kDrain, t);
  reading_[thread] = {index, e.address};
}

std::uint64_t Ledger::whose_bytes(std::uint64_t digest, std::uint32_t length,
                                  const Message& reader) const {
  auto it = by_digest_.find(digest);
  if (it == by_digest_.end()) return kNoMessage;
  // An echo carries its request's bytes: the newest message of the same sender and endpoints
  // is the likelier source (an old message of this channel in a stale buffer), then any.
  std::uint64_t any = kNoMessage;
  for (auto i = it->second.rbegin(); i != it->second.rend(); ++i) {
    const Message& m = messages_[*i];
    if (*i == reader.index || m.wire_length != length) continue;
    if (m.sender == reader.sender &&
        (reader.phantom || (m.src == reader.src && m.dst == reader.dst)))
      return *i;
    if (any == kNoMessage) any = *i;
  }
  return any;
}

namespace {

/// Whether the header fields an RX event read are the ones the message was published with.
bool header_matches(const hal::ProbeEvent& e, std::uint32_t src, std::uint32_t dst,
                    std::uint32_t length) {
  if ((e.fields & hal::kFieldSrc) != 0 && e.src != src) return false;
  if ((e.fields & hal::kFieldDst) != 0 && e.dst != dst) return false;
  if ((e.fields & hal::kFieldLen) != 0 && e.length != length) return false;
  return true;
}

} // namespace

void Ledger::rx_handed(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  if (reading(thread, e.address) == nullptr) rx_taken(side, thread, e, t);
  const Reading r = *reading(thread, e.address);
  reading_.erase(thread);
  const std::uint64_t digest = e.data != nullptr ? hal::payload_digest(e.data, e.length) : 0;
  Message& m = messages_[r.index];
  m.phase = Phase::kHanded;
  m.handed_ps = t;
  m.read_length = e.length;
  m.read_digest = e.data != nullptr || m.phantom ? digest : m.wire_digest;
  m.stages.record(MessageStage::kCallback, t);
  const bool intact = !m.phantom && header_matches(e, m.src, m.dst, m.wire_length) &&
                      (e.data == nullptr || digest == m.wire_digest);
  if (!intact && e.data != nullptr) m.read_as = whose_bytes(digest, e.length, m);
  if (!intact && m.state == State::kInFlight && !m.phantom) {
    m.state = State::kCorrupted;
    m.received_ps = t;
  }
  if (m.control) return;
  const std::uint32_t endpoint = (e.fields & hal::kFieldDst) != 0 ? e.dst : m.dst;
  app_pending_[{side, endpoint}].push_back(r.index);
  if (!m.phantom) add_echo_candidate(m);
}

void Ledger::rx_dropped(Side side, std::uint32_t thread, const hal::ProbeEvent& e,
                        std::uint64_t t) {
  if (reading(thread, e.address) == nullptr) rx_taken(side, thread, e, t);
  const Reading r = *reading(thread, e.address);
  reading_.erase(thread);
  Message& m = messages_[r.index];
  m.phase = Phase::kDone;
  if (m.phantom) return;
  // A header read wrong is the cause, whatever the stack made of it.
  if (!header_matches(e, m.src, m.dst, m.wire_length) && m.state == State::kInFlight) {
    m.state = State::kCorrupted;
    m.received_ps = t;
    return;
  }
  drop(m, e.reason, thread, t);
}

void Ledger::on_kick(Side sender, bool delivered, std::uint64_t time_ps) {
  ++seq_;
  ++state_[sender].kicks_written;
  notifications_.on_kick(sender, delivered, time_ps);
}

void Ledger::on_rx_irq(Side receiver, bool level, std::uint64_t time_ps) {
  ++seq_;
  ClusterState& r = state_[receiver];
  r.irq_high = level;
  if (level) r.last_irq_seq = seq_;
  notifications_.on_rx_irq(receiver, level, time_ps);
}

} // namespace sim::app
