// SPDX-License-Identifier: Apache-2.0
#pragma once
// What real firmware did with its messages, read from the wire (issue 14): the modelled stacks
// report probes (a buffer taken, handed to an endpoint, published); a real ELF reports nothing,
// so this decoder watches the remote ISS core's shared-memory accesses and reports them for it,
// from the virtio layout alone (no knowledge of OpenAMP's code):
//   - the device's receive ring is vring1 (Linux sends there), its send ring vring0, both as the
//     resource table says once the master set DRIVER_OK;
//   - reading avail.ring[i] of vring1 and then that descriptor's addr takes the buffer (kRxTaken,
//     the address as the core read it); having read the buffer's rpmsg header src, dst and len,
//     the stack hands it to its endpoint (kRxHanded, with the header as read and the payload as
//     the core sees it: through its own D-cache);
//   - a store to vring0's used.idx publishes every element up to it (kTxPublished, with the
//     buffer's header and payload as the core wrote them).
// Inferred: the moments (the model's stacks report at the same points of their code).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "sw/hal/probe.h"
#include "sw/shm/layout.h"

namespace sim::app {

class FirmwareWire {
public:
  /// Reads [addr, addr+len) as the remote core sees it now; false when nothing answers.
  using Peek = std::function<bool(std::uint64_t addr, void* out, std::size_t len)>;
  using Report = std::function<void(const hal::ProbeEvent&)>;

  /// `table`: where the firmware's resource table is (its `resource_table` symbol).
  FirmwareWire(std::uint64_t table, Peek peek, Report report);

  /// One access of the core to shared memory (a piece of at most 4 bytes) and its value.
  void on_access(bool write, std::uint64_t addr, unsigned size, std::uint32_t value);

  std::uint64_t taken() const { return taken_; }
  std::uint64_t handed() const { return handed_; }
  std::uint64_t published() const { return published_; }

private:
  struct Ring {
    std::uint64_t base = 0;
    sw::shm::VringLayout layout;
    bool contains(std::uint64_t a) const { return a >= base && a - base < layout.size(); }
  };
  /// A taken buffer's header bytes as the core read them.
  struct Reading {
    std::uint8_t header[16] = {};
    std::uint16_t mask = 0;
  };
  /// A 2-byte field being read or written byte by byte.
  struct Partial {
    std::uint8_t bytes[2] = {};
    std::uint8_t mask = 0;
  };
  void on_byte(bool write, std::uint64_t addr, std::uint8_t byte);
  /// One byte of the 2-byte field at `field`: its value once both bytes were accessed.
  std::optional<std::uint16_t> assemble(std::uint64_t field, std::uint64_t addr, std::uint8_t byte);
  /// The vrings from the table, once the master has set DRIVER_OK.
  bool learn_layout();
  std::optional<std::uint64_t> buffer_of(const Ring& ring, std::uint16_t desc);
  void publish_up_to(std::uint16_t idx);
  template <typename T> std::optional<T> peek(std::uint64_t addr) {
    T v{};
    if (!peek_(addr, &v, sizeof v)) return std::nullopt;
    return v;
  }

  std::uint64_t table_;
  Peek peek_;
  Report report_;
  std::optional<Ring> rx_, tx_;              ///< vring1 and vring0
  std::map<std::uint64_t, Reading> reading_; ///< taken buffers whose header is being read
  std::map<std::uint64_t, Partial> partial_; ///< avail entries and used.idx, by address
  /// desc[head].addr fields the stack is about to read, by address.
  struct Address {
    std::uint8_t bytes[8] = {};
    std::uint8_t mask = 0;
  };
  std::map<std::uint64_t, Address> descriptor_;
  std::uint16_t tx_used_ = 0; ///< vring0's used.idx as last published
  std::uint64_t taken_ = 0, handed_ = 0, published_ = 0;
};

} // namespace sim::app
