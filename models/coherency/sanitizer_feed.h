// SPDX-License-Identifier: Apache-2.0
#pragma once
// Connects one cluster to the coherency sanitizer: its D-cache's events (CacheObserver) and its
// uncached accesses and maintenance requests (ClusterObserver) become sanitizer events, with the
// thread the cluster is running named by `thread` at the time of the event. Releases (the
// cluster's mailbox sends) come from the platform through release(). Pure C++.

#include <functional>
#include <string>

#include "models/cache/cache_observer.h"
#include "models/coherency/sanitizer.h"
#include "models/cpu/cluster_observer.h"

namespace sim::models::coherency {

class SanitizerFeed : public CacheObserver, public ClusterObserver {
public:
  using ThreadName = std::function<const std::string&()>;
  SanitizerFeed(CoherencySanitizer& sanitizer, const std::string& cluster, unsigned line,
                ThreadName thread)
      : sanitizer_(sanitizer), id_(sanitizer.add_cluster(cluster, line)),
        thread_(std::move(thread)) {}

  // CacheObserver
  void on_read(std::uint64_t addr, const std::uint8_t* data, unsigned len, bool,
               std::uint64_t when) override {
    sanitizer_.cached_read(id_, thread_(), addr, data, len, when);
  }
  void on_write(std::uint64_t addr, const std::uint8_t* data, unsigned len, bool,
                std::uint64_t when) override {
    sanitizer_.cached_write(id_, thread_(), addr, data, len, when);
  }
  void on_fill(std::uint64_t line, const std::uint8_t* data, unsigned len, bool,
               std::uint64_t when) override {
    sanitizer_.fill(id_, line, data, len, when);
  }
  void on_writeback(std::uint64_t addr, const std::uint8_t* data, unsigned len,
                    std::uint64_t when) override {
    sanitizer_.writeback(id_, thread_(), addr, data, len, when);
  }
  void on_evict(std::uint64_t line, bool, std::uint64_t) override { sanitizer_.evict(id_, line); }
  void on_invalidate(std::uint64_t line, bool discarded, std::uint64_t when) override {
    sanitizer_.invalidate(id_, line, discarded, when);
  }

  // ClusterObserver
  void on_uncached(bool is_write, std::uint64_t addr, const std::uint8_t* data, unsigned len,
                   bool device, std::uint64_t when) override {
    if (device) return; // registers: releases come from the mailbox's send (release())
    if (is_write) {
      sanitizer_.uncached_write(id_, thread_(), addr, data, len, when);
    } else {
      sanitizer_.uncached_read(id_, thread_(), addr, data, len, when);
    }
  }
  void on_maintenance(const char* op, const char* site, std::uint64_t addr, std::uint64_t len,
                      bool skipped, std::uint64_t when) override {
    sanitizer_.maintenance_begin(id_, op, site, addr, len, skipped, when);
  }
  void on_maintenance_done() override { sanitizer_.maintenance_end(id_); }

  /// This cluster sent a mailbox message (the platform wires it to the mailbox's send event).
  void release(std::uint64_t when) { sanitizer_.release(id_, when); }

  int id() const { return id_; }

private:
  CoherencySanitizer& sanitizer_;
  int id_;
  ThreadName thread_;
};

} // namespace sim::models::coherency
