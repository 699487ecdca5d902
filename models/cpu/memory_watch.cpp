// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/memory_watch.h"

#include <algorithm>

namespace sim::models {

MemoryWatch::Scope::Scope(MemoryWatch& watch, std::uint64_t addr, std::uint64_t len)
    : watch_(watch) {
  if (watch_.free_.empty()) {
    watch_.slots_.push_back(std::make_unique<Slot>());
    watch_.free_.push_back(watch_.slots_.back().get());
  }
  slot_ = watch_.free_.back();
  watch_.free_.pop_back();
  slot_->touched = false;
  slot_->lo = addr;
  slot_->hi = addr + len;
  watch_.open_.push_back(slot_);
}

MemoryWatch::Scope::~Scope() {
  auto& open = watch_.open_;
  open.erase(std::remove(open.begin(), open.end(), slot_), open.end());
  // A touch notified in this delta must not wake the slot's next user.
  slot_->event.cancel();
  watch_.free_.push_back(slot_);
}

const sc_core::sc_event& MemoryWatch::Scope::event() const {
  return slot_->event;
}

const bool* MemoryWatch::Scope::touched() const {
  return &slot_->touched;
}

void MemoryWatch::touched(std::uint64_t addr, std::uint64_t len) {
  for (Slot* s : open_) {
    if (addr < s->hi && s->lo < addr + len) {
      s->touched = true;
      s->event.notify(sc_core::SC_ZERO_TIME);
      ++wakeups_;
    }
  }
}

} // namespace sim::models
