// SPDX-License-Identifier: Apache-2.0
#pragma once
// Wakes polling software when something could change what it reads: a write reaching DRAM, or a
// fill, eviction or invalidate of one of the watching cluster's cache lines in the polled range.
// A poller opens its scope before it reads, so a touch that happens while it is still running
// ahead of SystemC time (and not yet waiting) is latched rather than lost.
// Waking too often is harmless (the poll re-evaluates); never waking when the answer changed would
// be a model bug, so sources report conservatively.

#include <cstdint>
#include <memory>
#include <vector>

#include <systemc>

namespace sim::models {

class MemoryWatch {
  struct Slot;

public:
  /// Registration of one poller; removed when destroyed.
  class Scope {
  public:
    Scope(MemoryWatch& watch, std::uint64_t addr, std::uint64_t len);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    const sc_core::sc_event& event() const;
    /// Set by any touch since the scope was opened, even while nobody waited on event().
    const bool* touched() const;

  private:
    MemoryWatch& watch_;
    Slot* slot_;
  };

  /// Something touched [addr, addr+len).
  void touched(std::uint64_t addr, std::uint64_t len);
  bool idle() const { return open_.empty(); }
  std::uint64_t wakeups() const { return wakeups_; }

private:
  /// What a scope watches with. The watch owns it, not the poller's stack: a poller still
  /// waiting when the run ends sits on a coroutine stack that is never unwound, and an event
  /// (with SystemC's list of its waiting process) living there would be lost with it.
  struct Slot {
    sc_core::sc_event event; ///< unnamed: polls open a scope per evaluation, naming costs time
    bool touched = false;
    std::uint64_t lo = 0, hi = 0;
  };
  std::vector<std::unique_ptr<Slot>> slots_; ///< every slot made, reused once free
  std::vector<Slot*> free_;
  std::vector<Slot*> open_; ///< the open scopes' slots
  std::uint64_t wakeups_ = 0;
};

} // namespace sim::models
