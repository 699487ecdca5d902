// SPDX-License-Identifier: Apache-2.0
#include "sim/ledger/message_stages.h"

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

void NotificationTracker::on_published(Side sender, StageTimes& times) {
  senders_[sender].awaiting_kick.push_back(&times);
}

void NotificationTracker::on_kick_lost(Side sender) {
  for (StageTimes* t : senders_[sender].awaiting_kick)
    if (!t->has(MessageStage::kDrain) && t->kicks_lost < UINT16_MAX) ++t->kicks_lost;
}

void NotificationTracker::on_kick(Side sender, bool delivered, std::uint64_t time_ps) {
  if (!delivered) {
    on_kick_lost(sender);
    return;
  }
  SenderState& s = senders_[sender];
  // A receiver whose RX pin is already high will take this notification with the pending one.
  const bool peer_pin_high = rx_pin_high_[peer_of(sender)];
  for (StageTimes* t : s.awaiting_kick) {
    if (!t->record(MessageStage::kKick, time_ps)) continue;
    if (peer_pin_high && t->record(MessageStage::kIrq, time_ps))
      s.awaiting_isr.push_back(t);
    else
      s.awaiting_irq.push_back(t);
  }
  s.awaiting_kick.clear();
}

void NotificationTracker::on_rx_irq(Side receiver, bool level, std::uint64_t time_ps) {
  rx_pin_high_[receiver] = level;
  if (!level) return;
  SenderState& s = senders_[peer_of(receiver)];
  for (StageTimes* t : s.awaiting_irq)
    if (t->record(MessageStage::kIrq, time_ps)) s.awaiting_isr.push_back(t);
  s.awaiting_irq.clear();
}

void NotificationTracker::on_isr(Side receiver, std::uint64_t time_ps) {
  SenderState& s = senders_[peer_of(receiver)];
  for (StageTimes* t : s.awaiting_isr) t->record(MessageStage::kIsr, time_ps);
  s.awaiting_isr.clear();
}

} // namespace sim::app
