// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test-only CacheObserver that records every event as one comparable struct.

#include <cstdint>
#include <string>
#include <vector>

#include "models/cache/cache_observer.h"

namespace sim::test {

class RecordingObserver : public models::CacheObserver {
public:
  struct Event {
    std::string kind; // read, write, fill, writeback, evict, invalidate
    std::uint64_t addr;
    unsigned len;
    bool flag; // hit, speculative, dirty or discarded_dirty; false for writeback
    std::uint64_t when_ps;
    bool operator==(const Event& o) const {
      return kind == o.kind && addr == o.addr && len == o.len && flag == o.flag;
    }
  };
  std::vector<Event> events;

  void on_read(std::uint64_t addr, const std::uint8_t*, unsigned len, bool hit,
               std::uint64_t when) override {
    events.push_back({"read", addr, len, hit, when});
  }
  void on_write(std::uint64_t addr, const std::uint8_t*, unsigned len, bool hit,
                std::uint64_t when) override {
    events.push_back({"write", addr, len, hit, when});
  }
  void on_fill(std::uint64_t line_addr, const std::uint8_t* data, unsigned len, bool speculative,
               std::uint64_t when) override {
    events.push_back({"fill", line_addr, len, speculative, when});
    last_fill_first_byte = data[0];
  }
  void on_writeback(std::uint64_t addr, const std::uint8_t*, unsigned len,
                    std::uint64_t when) override {
    events.push_back({"writeback", addr, len, false, when});
  }
  void on_evict(std::uint64_t line_addr, bool dirty, std::uint64_t when) override {
    events.push_back({"evict", line_addr, 0, dirty, when});
  }
  void on_invalidate(std::uint64_t line_addr, bool discarded_dirty, std::uint64_t when) override {
    events.push_back({"invalidate", line_addr, 0, discarded_dirty, when});
  }

  std::vector<Event> of_kind(const std::string& kind) const {
    std::vector<Event> out;
    for (const Event& e : events)
      if (e.kind == kind) out.push_back(e);
    return out;
  }

  std::uint8_t last_fill_first_byte = 0;
};

} // namespace sim::test
