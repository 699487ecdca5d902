// SPDX-License-Identifier: Apache-2.0
#include "sim/message_stages.h"

#include <algorithm>

namespace sim::app {

const char* stage_name(MessageStage stage) {
  static constexpr std::array<const char*, kMessageStageCount> kNames = {
      "send", "buffer", "publish", "kick", "irq", "isr", "drain", "callback", "receive"};
  return kNames[static_cast<unsigned>(stage)];
}

bool StageTimes::record(MessageStage s, std::uint64_t t) {
  const unsigned index = static_cast<unsigned>(s);
  if ((seen >> index) != 0) return false; // this stage or a later one is already there
  for (unsigned i = index; i-- > 0;) {
    if ((seen & (1u << i)) != 0) {
      t = std::max(t, ps[i]);
      break;
    }
  }
  ps[index] = t;
  seen = static_cast<std::uint16_t>(seen | bit(s));
  return true;
}

void StageTracker::link(Flight& flight, StageTimes& times) {
  // The message's own probe may already have stamped its send; the flight's stack stages follow.
  for (unsigned i = 0; i < kMessageStageCount; ++i) {
    const auto s = static_cast<MessageStage>(i);
    if (flight.own.has(s)) times.record(s, flight.own.at(s));
  }
  flight.times = &times;
  flight.linked = true;
}

StageTracker::Flight& StageTracker::start_flight(const ThreadKey& thread, std::uint64_t time_ps) {
  flights_.emplace_back();
  Flight& f = flights_.back();
  f.own.record(MessageStage::kSend, time_ps);
  current_[thread] = &f;
  auto pending = pending_.find(thread);
  if (pending != pending_.end()) {
    link(f, *pending->second);
    pending_.erase(pending);
  }
  return f;
}

template <typename Fn> void StageTracker::for_peers(const std::string& cluster, Fn&& fn) {
  for (auto& [sender, state] : senders_)
    if (sender != cluster) fn(state);
}

void StageTracker::on_stage(const std::string& cluster, const std::string& thread,
                            const hal::ProbeEvent& event, std::uint64_t time_ps) {
  switch (event.stage) {
  case hal::Stage::kSendCalled:
    start_flight({cluster, thread}, time_ps);
    break;
  case hal::Stage::kBuffer: {
    const ThreadKey key{cluster, thread};
    auto cur = current_.find(key);
    // A send that skipped the entry point (a zero-copy send) starts its attempt here.
    Flight& f = cur != current_.end() && !cur->second->times->has(MessageStage::kBuffer)
                    ? *cur->second
                    : start_flight(key, time_ps);
    f.times->record(MessageStage::kBuffer, time_ps);
    senders_[cluster].by_buffer[event.address] = &f;
    break;
  }
  case hal::Stage::kPublished: {
    SenderState& s = senders_[cluster];
    auto it = s.by_buffer.find(event.address);
    if (it == s.by_buffer.end()) break;
    if (it->second->times->record(MessageStage::kPublish, time_ps))
      s.awaiting_kick.push_back(it->second);
    break;
  }
  case hal::Stage::kIsr:
    for_peers(cluster, [&](SenderState& s) {
      for (Flight* f : s.awaiting_isr) f->times->record(MessageStage::kIsr, time_ps);
      s.awaiting_isr.clear();
    });
    break;
  case hal::Stage::kDrained:
  case hal::Stage::kCallback: {
    const MessageStage stage =
        event.stage == hal::Stage::kDrained ? MessageStage::kDrain : MessageStage::kCallback;
    for_peers(cluster, [&](SenderState& s) {
      auto it = s.by_buffer.find(event.address);
      if (it != s.by_buffer.end()) it->second->times->record(stage, time_ps);
    });
    break;
  }
  }
}

void StageTracker::on_message_sent(const std::string& cluster, const std::string& thread,
                                   StageTimes& times, std::uint64_t time_ps, bool after_send) {
  const ThreadKey key{cluster, thread};
  if (after_send) {
    // The attempt this thread just made (unless it already belongs to an earlier message).
    auto cur = current_.find(key);
    if (cur != current_.end() && !cur->second->linked) link(*cur->second, times);
    return;
  }
  times.record(MessageStage::kSend, time_ps);
  pending_[key] = &times; // a newer probe replaces one whose send never reached the stack
}

void StageTracker::on_kick(const std::string& sender, std::uint64_t time_ps) {
  SenderState& s = senders_[sender];
  // A receiver whose RX pin is already high will take this notification with the pending one.
  bool peer_pin_high = false;
  for (const auto& [receiver, high] : rx_pin_high_)
    if (receiver != sender && high) peer_pin_high = true;
  for (Flight* f : s.awaiting_kick) {
    if (!f->times->record(MessageStage::kKick, time_ps)) continue;
    if (peer_pin_high && f->times->record(MessageStage::kIrq, time_ps))
      s.awaiting_isr.push_back(f);
    else
      s.awaiting_irq.push_back(f);
  }
  s.awaiting_kick.clear();
}

void StageTracker::on_rx_irq(const std::string& receiver, bool level, std::uint64_t time_ps) {
  rx_pin_high_[receiver] = level;
  if (!level) return;
  for_peers(receiver, [&](SenderState& s) {
    for (Flight* f : s.awaiting_irq)
      if (f->times->record(MessageStage::kIrq, time_ps)) s.awaiting_isr.push_back(f);
    s.awaiting_irq.clear();
  });
}

} // namespace sim::app
