// SPDX-License-Identifier: Apache-2.0
#pragma once
// Wakes polling software when something could change what it reads: a write reaching DRAM, or a
// fill, eviction or invalidate of one of the watching cluster's cache lines in the polled range.
// A poller opens its scope before it reads, so a touch that happens while it is still running
// ahead of SystemC time (and not yet waiting) is latched rather than lost.
// Waking too often is harmless (the poll re-evaluates); never waking when the answer changed would
// be a model bug, so sources report conservatively.

#include <cstdint>
#include <vector>

#include <systemc>

namespace sim::models {

class MemoryWatch {
public:
  /// Registration of one poller; removed when destroyed.
  class Scope {
  public:
    Scope(MemoryWatch& watch, std::uint64_t addr, std::uint64_t len);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    const sc_core::sc_event& event() const { return event_; }
    /// Set by any touch since the scope was opened, even while nobody waited on event().
    const bool* touched() const { return &touched_; }

  private:
    friend class MemoryWatch;
    MemoryWatch& watch_;
    sc_core::sc_event event_;
    bool touched_ = false;
  };

  /// Something touched [addr, addr+len).
  void touched(std::uint64_t addr, std::uint64_t len);
  bool idle() const { return entries_.empty(); }
  std::uint64_t wakeups() const { return wakeups_; }

private:
  struct Entry {
    std::uint64_t lo, hi;
    Scope* scope;
  };
  std::vector<Entry> entries_;
  std::uint64_t wakeups_ = 0;
};

} // namespace sim::models
