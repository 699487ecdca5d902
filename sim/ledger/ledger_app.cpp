// SPDX-License-Identifier: Apache-2.0
// The message ledger, application level: what applications did with what their endpoint
// callbacks got; echoes paired with their requests; channel names from the name service.
#include <algorithm>
#include <iterator>

#include "sim/ledger/ledger.h"
#include "sw/shm/layout.h"
#include "sw/shm/le_bytes.h"

namespace sim::app {
namespace {

// How a reply may carry its request: the TTY responder's "TTY 0x%04x: " is 12 bytes.
constexpr std::uint32_t kEchoPrefixMax = 32;
constexpr std::uint32_t kEchoMinInside = 4;

} // namespace

void Ledger::app_event(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t) {
  auto pending = app_pending_.find({side, e.dst});
  if (pending == app_pending_.end()) {
    ++unexpected_drops_;
    return;
  }
  // The application names a message by its endpoint and its bytes. What it keeps, or refuses in
  // its callback, is the one just handed: the newest handed with those bytes. What it takes or
  // loses from where it kept it is the oldest kept with them (identical payloads are taken in
  // order); one it consumes without keeping, the newest handed. A report that fits none is
  // counted, never guessed onto another message.
  const std::uint64_t digest = e.data != nullptr ? hal::payload_digest(e.data, e.length) : 0;
  auto& q = pending->second;
  const auto same_bytes = [&](std::uint64_t i, Phase phase) {
    const Message& m = messages_[i];
    return m.phase == phase && m.read_length == e.length && m.read_digest == digest;
  };
  const auto newest_handed = [&] {
    auto it = std::find_if(q.rbegin(), q.rend(),
                           [&](std::uint64_t i) { return same_bytes(i, Phase::kHanded); });
    return it == q.rend() ? q.end() : std::prev(it.base());
  };
  const auto oldest_kept = [&] {
    return std::find_if(q.begin(), q.end(),
                        [&](std::uint64_t i) { return same_bytes(i, Phase::kHeld); });
  };
  std::deque<std::uint64_t>::iterator found = q.end();
  if (e.kind == hal::ProbeKind::kAppHeld)
    found = newest_handed();
  else if (e.kind == hal::ProbeKind::kAppConsumed)
    found = oldest_kept() != q.end() ? oldest_kept() : newest_handed();
  else
    found = e.name.empty() ? newest_handed() : oldest_kept();
  if (found == q.end()) {
    ++unexpected_drops_;
    return;
  }
  Message& m = messages_[*found];
  switch (e.kind) {
  case hal::ProbeKind::kAppHeld:
    m.phase = Phase::kHeld;
    m.where = intern(e.name);
    return; // still the application's
  case hal::ProbeKind::kAppConsumed:
    // Received when the application took it, intact or not (a corrupted one stays corrupted).
    m.phase = Phase::kDone;
    m.consumer_thread = thread;
    m.stages.record(MessageStage::kReceive, t);
    if (m.state == State::kInFlight) m.state = State::kDelivered;
    if (m.state != State::kDropped) m.received_ps = t;
    break;
  default: // kAppDropped
    m.phase = Phase::kDone;
    drop(m, e.reason, thread, t);
    remove_echo_candidate(m);
    break;
  }
  q.erase(found);
}

void Ledger::add_echo_candidate(Message& request) {
  // A reply is not a request in turn (ping-pong would otherwise chain every message).
  if (request.echo_of != kNoMessage) return;
  echo_candidates_[{request.receiver, request.dst, request.src}][request.read_length]
                  [request.read_digest]
                      .unpaired.push_back(request.index);
}

void Ledger::remove_echo_candidate(const Message& request) {
  auto key = echo_candidates_.find({request.receiver, request.dst, request.src});
  if (key == echo_candidates_.end()) return;
  auto len = key->second.find(request.read_length);
  if (len == key->second.end()) return;
  auto c = len->second.find(request.read_digest);
  if (c == len->second.end()) return;
  auto& q = c->second.unpaired;
  auto it = std::find(q.begin(), q.end(), request.index);
  if (it != q.end()) q.erase(it);
}

void Ledger::pair_echo(Message& reply, const hal::ProbeEvent& e) {
  // Requests this side received from the endpoint the reply goes to, at the endpoint it leaves
  // from; the reply carries one's bytes whole, possibly after a prefix ("TTY 0x0400: "). The
  // oldest request no reply carried yet; else the reply repeats the last one carried.
  auto key = echo_candidates_.find({reply.sender, reply.src, reply.dst});
  if (key == echo_candidates_.end() || e.data == nullptr) return;
  const auto* bytes = static_cast<const std::uint8_t*>(e.data);
  EchoCandidates* best = nullptr;
  EchoCandidates* repeat = nullptr;
  // Whole, or behind a prefix of at most kEchoPrefixMax bytes; a request shorter than
  // kEchoMinInside bytes is too short to be recognised inside a longer reply.
  const std::uint32_t shortest = e.length > kEchoPrefixMax ? e.length - kEchoPrefixMax : 0;
  for (auto it = key->second.lower_bound(shortest);
       it != key->second.end() && it->first <= e.length; ++it) {
    auto& [length, by_digest] = *it;
    const std::uint32_t prefix = e.length - length;
    if (prefix > 0 && length < kEchoMinInside) continue;
    auto c = by_digest.find(hal::payload_digest(bytes + prefix, length));
    if (c == by_digest.end()) continue;
    EchoCandidates& cand = c->second;
    if (!cand.unpaired.empty() &&
        (best == nullptr || cand.unpaired.front() < best->unpaired.front()))
      best = &cand;
    if (cand.last_paired != kNoMessage &&
        (repeat == nullptr || cand.last_paired > repeat->last_paired))
      repeat = &cand;
  }
  if (best != nullptr) {
    reply.echo_of = best->unpaired.front();
    best->last_paired = reply.echo_of;
    best->unpaired.pop_front();
  } else if (repeat != nullptr) {
    reply.echo_of = repeat->last_paired;
    reply.echo_repeat = true;
  }
}

void Ledger::learn_name(const Message& m, const hal::ProbeEvent& e) {
  // struct rpmsg_ns_msg: name[32], addr, flags (rpmsg-protocol.md §2.4).
  if (e.data == nullptr || e.length < sw::shm::kRpmsgNsMsgSize) return;
  const auto* p = static_cast<const std::uint8_t*>(e.data);
  std::size_t n = 0;
  while (n < sw::shm::kRpmsgNameSize && p[n] != 0) ++n;
  const std::uint32_t addr = sw::shm::load_le32(p + sw::shm::kRpmsgNsAddr);
  names_[{m.sender, addr}] = std::string(reinterpret_cast<const char*>(p), n);
}

} // namespace sim::app
