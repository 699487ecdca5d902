// SPDX-License-Identifier: Apache-2.0
#pragma once
// The coherency sanitizer (DESIGN §5): shadow state for the shared carve-outs that knows, for every
// byte, which write DRAM holds and which write each cluster's cache line holds, so a read of old
// data, a write-back over newer data or a discarded own write is caught at the access that
// exposes it, named by field and explained.
//
// Versions: every store is one write event (agent = cluster + thread, time); its number orders all
// writes in the system. Version 0 is the image's initial contents. DRAM keeps per byte the version
// and value that reached it; each cached line keeps per byte the version and value it holds and
// whether this cluster wrote it (dirty).
//
// Rules, per byte of an access (a finding groups the bytes of one field):
//  - stale_read: a clean cached byte older than DRAM's is read.
//  - unpublished_read: a byte is read older than a dirty copy in another cluster's cache, which
//    that cluster wrote *before its last release* (a mailbox write): it signalled the peer while
//    the data was still only in its cache. A read racing a store that is not yet signalled is how
//    polling works, not a violation.
//  - lost_update: a write-back puts back a byte older than DRAM's, written by another cluster.
//  - discarded_write: an invalidate dropped this cluster's dirty byte and the same cluster later
//    reads that byte older than the dropped write (nobody wrote it since). A discard never read
//    back is only counted (SanitizerStats::unobserved_discards).
// Reads of own dirty bytes are not checked (the conflict shows at write-back as lost_update).
//
// Event order contract (what the cache model guarantees): a line's fill comes before the read or
// write that caused it; a dirty line's write-back comes before its eviction or invalidation.
// Only bytes inside tracked ranges are shadowed. The sanitizer only watches: it never changes
// data or timing. Pure C++.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "models/coherency/finding.h"

namespace sim::models::coherency {

class CoherencySanitizer {
public:
  CoherencySanitizer();

  /// Bytes the sanitizer shadows (the shared carve-outs). Ranges must not overlap.
  void track(std::uint64_t base, std::uint64_t size);
  /// Names a field for reports. Symbols must not overlap; any order.
  void add_symbol(std::uint64_t addr, std::uint64_t size, std::string name);
  /// A cluster with a D-cache of `line`-byte lines; returns its index for the events below.
  int add_cluster(std::string name, unsigned line);

  // --- events (times in ps) -------------------------------------------------------------------
  void cached_read(int cluster, const std::string& thread, std::uint64_t addr,
                   const std::uint8_t* data, unsigned len, std::uint64_t when);
  void cached_write(int cluster, const std::string& thread, std::uint64_t addr,
                    const std::uint8_t* data, unsigned len, std::uint64_t when);
  void uncached_read(int cluster, const std::string& thread, std::uint64_t addr,
                     const std::uint8_t* data, unsigned len, std::uint64_t when);
  void uncached_write(int cluster, const std::string& thread, std::uint64_t addr,
                      const std::uint8_t* data, unsigned len, std::uint64_t when);
  void fill(int cluster, std::uint64_t line, const std::uint8_t* data, unsigned len,
            std::uint64_t when);
  /// Bytes of a present line reached DRAM (a whole line, or a write-through store); `thread` is
  /// what the cluster was running (the cause is the maintenance in progress, else an eviction).
  void writeback(int cluster, const std::string& thread, std::uint64_t addr,
                 const std::uint8_t* data, unsigned len, std::uint64_t when);
  void evict(int cluster, std::uint64_t line);
  void invalidate(int cluster, std::uint64_t line, bool discarded_dirty, std::uint64_t when);
  /// Software asked for maintenance `op` (`dcache clean`, `dcache invalidate`, `dcache
  /// clean+invalidate`) of a range at `site`; skipped = a fault suppressed it. Cache events until
  /// maintenance_end are caused by it.
  void maintenance_begin(int cluster, const char* op, const char* site, std::uint64_t addr,
                         std::uint64_t len, bool skipped, std::uint64_t when);
  void maintenance_end(int cluster);
  /// The cluster was reset: its cache's contents are gone (a loss nobody reads back as its own).
  void reset_cluster(int cluster);
  /// The boot loader wrote the image into DRAM (an agent of its own, "image").
  void image_write(std::uint64_t addr, const std::uint8_t* data, unsigned len, std::uint64_t when);
  /// The cluster signalled its peer (it sent a mailbox message: a kick): everything it wrote
  /// before is expected to be visible to the peer from now on. Other device writes (console
  /// characters, interrupt acknowledges) are not releases.
  void release(int cluster, std::uint64_t when);

  /// Called at every occurrence of a violation with the finding it was folded into, its time and
  /// the cluster and thread that made the access (timelines show each one; findings fold them).
  using ViolationListener =
      std::function<void(const Finding&, std::uint64_t time_ps, const std::string& cluster,
                         const std::string& thread)>;
  void on_violation(ViolationListener listener) { violation_listener_ = std::move(listener); }

  // --- results --------------------------------------------------------------------------------
  /// Folded per (kind, field, site), in order of first occurrence.
  const std::vector<Finding>& findings() const { return findings_; }
  /// Occurrences per kind (every kind present, zero included).
  std::map<std::string, std::uint64_t> by_kind() const;
  SanitizerStats stats() const;

private:
  struct WriteEvent {
    std::uint32_t agent;
    std::uint64_t time_ps;
  };
  struct Agent {
    int cluster; ///< -1: the image loaded before time zero
    std::string thread;
  };
  struct Region {
    std::uint64_t base = 0;
    std::uint64_t size = 0;
    std::vector<std::uint32_t> version;
    std::vector<std::uint8_t> value;
  };
  struct Line {
    std::vector<std::uint32_t> version;
    std::vector<std::uint8_t> value;
    std::vector<std::uint8_t> dirty;
    std::uint64_t fill_ps = 0;
    bool any_dirty = false;
  };
  struct Maintenance {
    std::string op;
    std::string site;
    std::uint64_t time_ps = 0;
    bool skipped = false;
  };
  struct Discard {
    std::uint32_t version;
    std::uint8_t value;
    std::uint32_t event; ///< index into discard_events_
  };
  struct DiscardEvent {
    std::string site;
    std::uint64_t time_ps;
    bool observed = false;
  };
  struct ClusterShadow {
    std::string name;
    unsigned line = 64;
    std::unordered_map<std::uint64_t, Line> lines;
    std::unordered_map<std::uint64_t, Maintenance> last_maintenance; ///< by line address
    std::unordered_map<std::uint64_t, Discard> discards;             ///< by byte address
    std::uint32_t released_below = 0; ///< versions below this were written before a release
    /// Every release: (first version written after it, time). For "signalled at" in hints.
    std::vector<std::pair<std::uint32_t, std::uint64_t>> releases;
    std::string cause; ///< site of the maintenance in progress, "" outside maintenance
    /// Lines holding dirty bytes: with none, this cluster cannot hide newer data from a reader.
    std::size_t dirty_lines = 0;
  };
  /// One byte of an access that violates a rule; grouped into findings by field.
  struct ByteIssue {
    Kind kind;
    std::uint64_t addr;
    std::uint8_t old_value;
    std::uint8_t new_value;
    std::uint32_t new_version;
    std::uint32_t discard = 0; ///< discarded_write: index into discard_events_
  };
  struct Symbol {
    std::uint64_t addr;
    std::uint64_t size;
    std::string name;
  };
  struct Context {
    int cluster;
    const std::string* thread; ///< what the cluster was running
    const std::string* site;   ///< lost updates: the write-back's cause; else the reading thread
    std::uint64_t when;
    const Line* line; ///< the reader's line (cached reads, write-backs), or nullptr
    std::uint64_t line_addr;
  };
  /// The last agent looked up per cluster: most accesses come from the same thread in a row.
  struct AgentCache {
    const std::string* name = nullptr;
    std::string copy;
    std::uint32_t id = 0;
  };

  Region* region_of(std::uint64_t addr);
  bool overlaps_tracked(std::uint64_t addr, std::uint64_t len) const;
  bool any_discards() const;
  void drop_line(ClusterShadow& c, std::unordered_map<std::uint64_t, Line>::iterator it);
  Line* find_line(int cluster, std::uint64_t addr);
  std::uint32_t new_version(int cluster, const std::string& thread, std::uint64_t when);
  std::uint32_t agent(int cluster, const std::string& thread);
  /// Another cluster's dirty, released copy of `addr` newer than `than`: its version (0 = none),
  /// and its byte in `value`.
  std::uint32_t unpublished_copy(int reader, std::uint64_t addr, std::uint32_t than,
                                 std::uint8_t& value) const;
  void check_discard(int cluster, std::uint64_t addr, std::uint32_t got, std::uint8_t value,
                     bool report);
  void clear_discards(std::uint64_t addr, std::uint32_t version, int except);

  // sanitizer_report.cpp: grouping, folding, wording.
  void flush_issues(const Context& ctx);
  void report(const Context& ctx, const ByteIssue* first, std::size_t n);
  const Symbol* symbol_of(std::uint64_t addr) const;
  std::string line_state(const Context& ctx, const ByteIssue& issue) const;
  std::string hint(const Context& ctx, const ByteIssue& issue, const std::string& symbol) const;
  std::string lost_update_hint(const Context& ctx, const ByteIssue& issue,
                               const std::string& symbol) const;
  std::string writer_name(std::uint32_t version) const;
  /// Time of the cluster's first release after `version` was written.
  std::uint64_t release_after(const ClusterShadow& c, std::uint32_t version) const;

  std::vector<Region> regions_;
  Region* last_region_ = nullptr; ///< reset by track(): regions_ may move
  std::vector<Line> spare_lines_; ///< storage of evicted lines, reused by fills
  std::vector<AgentCache> agent_cache_;
  std::vector<Symbol> symbols_; ///< sorted by address
  std::vector<ClusterShadow> clusters_;
  std::vector<Agent> agents_;
  std::map<std::pair<int, std::string>, std::uint32_t> agent_ids_;
  std::vector<WriteEvent> events_;
  std::vector<DiscardEvent> discard_events_;
  std::vector<ByteIssue> issues_; ///< scratch of the access being checked
  std::vector<Finding> findings_;
  ViolationListener violation_listener_;
  std::map<std::tuple<Kind, std::string, std::string>, std::size_t> folded_;
  SanitizerStats stats_;
};

} // namespace sim::models::coherency
