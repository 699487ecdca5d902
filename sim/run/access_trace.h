// SPDX-License-Identifier: Apache-2.0
#pragma once
// The remote's shared-memory accesses and cache maintenance, in program order (`ipcsim run
// --access-trace`, read back by `ipcsim conform`). One recorder serves the modelled stacks and
// real firmware alike: it watches the remote cluster's D-cache (cached reads and writes) and the
// cluster (uncached accesses, maintenance requests), so both sides are seen at the same place.
//
// What makes the two comparable:
//   - an access is cut at field boundaries (`vring1.desc[2].len`, `buf[0].hdr.src`) and
//     consecutive pieces of one field are joined again: a packed structure that the compiler
//     reads byte by byte (OpenAMP's are packed; -mstrict-align) gives one 4-byte read of
//     `desc[2].len`, as the model's single read does;
//   - maintenance is widened to the lines it covers and consecutive operations of one kind on
//     adjacent lines are joined, whoever issued them: a loop of `DC IVAC` over three lines is one
//     invalidate of three lines, as the model's one metal_cache_invalidate call is (two calls on
//     adjacent lines are joined too, on both sides alike).
// Only the carve-outs are recorded: private memory is the implementation's own business.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/cache/cache_observer.h"
#include "models/cpu/cluster_observer.h"
#include "sim/artefacts/access_trace_file.h"
#include "sw/shm/symbol_map.h"

namespace sim::app {

/// A shared range the recorder watches (a carve-out).
struct WatchedRange {
  std::uint64_t base = 0;
  std::uint64_t size = 0;
};

class AccessRecorder : public models::CacheObserver, public models::ClusterObserver {
public:
  AccessRecorder(std::vector<WatchedRange> ranges, sw::shm::SymbolMap symbols,
                 std::uint64_t line_size);
  AccessRecorder(const AccessRecorder&) = delete; // the models hold pointers to it
  AccessRecorder& operator=(const AccessRecorder&) = delete;

  void on_read(std::uint64_t addr, const std::uint8_t* data, unsigned len, bool hit,
               std::uint64_t when_ps) override;
  void on_write(std::uint64_t addr, const std::uint8_t* data, unsigned len, bool hit,
                std::uint64_t when_ps) override;
  void on_uncached(bool is_write, std::uint64_t addr, const std::uint8_t* data, unsigned len,
                   bool device, std::uint64_t when_ps) override;
  void on_maintenance(const char* op, const char* site, std::uint64_t addr, std::uint64_t len,
                      bool skipped, std::uint64_t when_ps) override;

  /// Every access so far, the last one joined as far as it will be.
  const std::vector<SharedAccess>& accesses() const { return accesses_; }

private:
  void access(bool write, bool cached, std::uint64_t addr, const std::uint8_t* data, unsigned len,
              std::uint64_t when_ps);
  void piece(bool write, bool cached, std::uint64_t addr, const std::uint8_t* data, unsigned len,
             std::uint64_t when_ps, const sw::shm::Symbol* field);
  bool watched(std::uint64_t addr) const;

  std::vector<WatchedRange> ranges_;
  sw::shm::SymbolMap symbols_;
  std::uint64_t line_size_;
  std::vector<SharedAccess> accesses_;
  /// The field the last access belongs to (nullptr: unnamed bytes), for joining pieces.
  const sw::shm::Symbol* last_field_ = nullptr;
  std::vector<std::uint8_t> last_bytes_; ///< the last access's first bytes, as they join
  bool joinable_ = false;                ///< the last record is an access nothing came after
};

} // namespace sim::app
