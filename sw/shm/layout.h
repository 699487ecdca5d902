// SPDX-License-Identifier: Apache-2.0
#pragma once
// Byte layout of every structure Linux and the OpenAMP remote share (reference:
// rpmsg-protocol.md §1-§3): the remoteproc resource table, the split vring and the rpmsg buffer.
// Pure constexpr knowledge, no HAL: the views, the table image, the validator and the symbol map
// all derive their offsets from here, so one golden test pins them all.
//
// Resource-table entry offsets are relative to the entry start *including* the u32 type word, as
// OpenAMP and Zephyr lay the structs out. Linux hands its handlers a pointer past the type word;
// `linux_body_offset` converts. All fields are little-endian.

#include <cstdint>

namespace sim::sw::shm {

// --- resource table (Linux `enum fw_resource_type`, OpenAMP `remoteproc.h`) ------------------
namespace rsc {

inline constexpr std::uint32_t kCarveout = 0;         // RSC_CARVEOUT
inline constexpr std::uint32_t kDevmem = 1;           // RSC_DEVMEM
inline constexpr std::uint32_t kTrace = 2;            // RSC_TRACE
inline constexpr std::uint32_t kVdev = 3;             // RSC_VDEV
inline constexpr std::uint32_t kPreloadVendor = 4;    // RSC_PRELOAD_VENDOR (Linux only)
inline constexpr std::uint32_t kPostloadVendor = 5;   // RSC_POSTLOAD_VENDOR (Linux only)
inline constexpr std::uint32_t kLast = 6;             // RSC_LAST (Linux; OpenAMP's is 4)
inline constexpr std::uint32_t kVendorStart = 128;    // RSC_VENDOR_START
inline constexpr std::uint32_t kVendorEnd = 512;      // RSC_VENDOR_END (inclusive in Linux)
inline constexpr std::uint32_t kAddrAny = 0xFFFFFFFF; // FW_RSC_ADDR_ANY

inline constexpr std::uint32_t kVirtioIdRpmsg = 7; // VIRTIO_ID_RPMSG
inline constexpr unsigned kVirtioRpmsgFNs = 0;     // VIRTIO_RPMSG_F_NS: a bit index
inline constexpr std::uint32_t kFeatureNs = 1u << kVirtioRpmsgFNs;

// Virtio status byte (vdev.status), written by Linux with plain stores.
inline constexpr std::uint8_t kStatusAcknowledge = 0x01;
inline constexpr std::uint8_t kStatusDriver = 0x02;
inline constexpr std::uint8_t kStatusDriverOk = 0x04;
inline constexpr std::uint8_t kStatusFeaturesOk = 0x08;
inline constexpr std::uint8_t kStatusNeedsReset = 0x40;
inline constexpr std::uint8_t kStatusFailed = 0x80;

// struct resource_table
inline constexpr std::uint32_t kHdrVer = 0x00;
inline constexpr std::uint32_t kHdrNum = 0x04;
inline constexpr std::uint32_t kHdrReserved = 0x08; // u32 reserved[2]
inline constexpr std::uint32_t kHdrOffsets = 0x10;  // u32 offset[num]
inline constexpr std::uint32_t kHdrSize = 0x10;
inline constexpr std::uint32_t kSupportedVersion = 1;

// struct fw_rsc_hdr: the u32 type every entry starts with.
inline constexpr std::uint32_t kEntryType = 0;
inline constexpr std::uint32_t kEntryTypeSize = 4;

/// Offset inside the body Linux's handlers see (`rsc` points past the type word).
constexpr std::uint32_t linux_body_offset(std::uint32_t entry_offset) {
  return entry_offset - kEntryTypeSize;
}

// fw_rsc_carveout / fw_rsc_devmem: 52-byte body after the type.
inline constexpr std::uint32_t kCarveoutDa = 4;
inline constexpr std::uint32_t kCarveoutPa = 8;
inline constexpr std::uint32_t kCarveoutLen = 12;
inline constexpr std::uint32_t kCarveoutFlags = 16;
inline constexpr std::uint32_t kCarveoutReserved = 20;
inline constexpr std::uint32_t kCarveoutName = 24;
inline constexpr std::uint32_t kCarveoutSize = 56;

// fw_rsc_trace (version 0 of the type word): 44-byte body.
inline constexpr std::uint32_t kTraceDa = 4;
inline constexpr std::uint32_t kTraceLen = 8;
inline constexpr std::uint32_t kTraceReserved = 12;
inline constexpr std::uint32_t kTraceName = 16;
inline constexpr std::uint32_t kTraceSize = 48;

inline constexpr std::uint32_t kNameSize = 32; // name[32] of carveout/devmem/trace

// fw_rsc_vdev: 24-byte fixed body, then vring[num_of_vrings], then config_len config bytes.
inline constexpr std::uint32_t kVdevId = 4;
inline constexpr std::uint32_t kVdevNotifyId = 8;
inline constexpr std::uint32_t kVdevDfeatures = 12;
inline constexpr std::uint32_t kVdevGfeatures = 16;
inline constexpr std::uint32_t kVdevConfigLen = 20;
inline constexpr std::uint32_t kVdevStatus = 24;      // u8
inline constexpr std::uint32_t kVdevNumOfVrings = 25; // u8
inline constexpr std::uint32_t kVdevReserved = 26;    // u8[2], must be 0
inline constexpr std::uint32_t kVdevVrings = 28;
inline constexpr std::uint32_t kVdevFixedSize = 28;
/// Linux supports at most two vrings per vdev (RVDEV_NUM_VRINGS).
inline constexpr std::uint32_t kVdevMaxVrings = 2;

// fw_rsc_vdev_vring: 20 bytes, offsets from the vring entry's start.
inline constexpr std::uint32_t kVringDa = 0;
inline constexpr std::uint32_t kVringAlign = 4;
inline constexpr std::uint32_t kVringNum = 8;
inline constexpr std::uint32_t kVringNotifyId = 12;
inline constexpr std::uint32_t kVringReserved = 16; // Linux: pa, OpenAMP: reserved
inline constexpr std::uint32_t kVringSize = 20;

/// Zephyr's `struct fw_resource_table`: header, offset[N], one vdev with two vrings and, with
/// CONFIG_RAM_CONSOLE, a trace entry (N = 2). Every member is a multiple of 4 bytes, so the C
/// struct has no padding and the offsets below are the ones in the remote's image.
struct ZephyrTableLayout {
  std::uint32_t num_entries = 1; ///< 1, or 2 with the RAM-console trace entry

  constexpr std::uint32_t offset_slot(std::uint32_t i) const { return kHdrOffsets + 4 * i; }
  constexpr std::uint32_t vdev() const { return kHdrOffsets + 4 * num_entries; }
  constexpr std::uint32_t status() const { return vdev() + kVdevStatus; }
  constexpr std::uint32_t vring(std::uint32_t i) const {
    return vdev() + kVdevVrings + kVringSize * i;
  }
  constexpr std::uint32_t trace() const { return vring(2); }
  constexpr std::uint32_t size() const { return trace() + (num_entries > 1 ? kTraceSize : 0); }
};

} // namespace rsc

// --- split virtqueue (Linux uapi / OpenAMP virtio_ring.h) ------------------------------------
inline constexpr std::uint16_t kVringDescFNext = 1;         // VRING_DESC_F_NEXT
inline constexpr std::uint16_t kVringDescFWrite = 2;        // VRING_DESC_F_WRITE
inline constexpr std::uint16_t kVringDescFIndirect = 4;     // VRING_DESC_F_INDIRECT
inline constexpr std::uint16_t kVringUsedFNoNotify = 1;     // VRING_USED_F_NO_NOTIFY
inline constexpr std::uint16_t kVringAvailFNoInterrupt = 1; // VRING_AVAIL_F_NO_INTERRUPT

inline constexpr std::uint64_t kVringDescSize = 16;
inline constexpr std::uint64_t kVringDescAddr = 0;   // u64
inline constexpr std::uint64_t kVringDescLen = 8;    // u32
inline constexpr std::uint64_t kVringDescFlags = 12; // u16
inline constexpr std::uint64_t kVringDescNext = 14;  // u16
inline constexpr std::uint64_t kVringUsedElemSize = 8;

/// The C macro's rounding (`(x + a - 1) & ~(a - 1)`): virtio alignments are powers of two.
constexpr std::uint64_t vring_align_up(std::uint64_t x, std::uint64_t align) {
  return (x + align - 1) & ~(align - 1);
}

/// vring_size(num, align) = ALIGN(16*num + 2*(3+num), align) + 2*3 + 8*num.
constexpr std::uint64_t vring_size(std::uint64_t num, std::uint64_t align) {
  return vring_align_up(16 * num + 2 * (3 + num), align) + 2 * 3 + 8 * num;
}

/// Byte offsets of every vring field from the vring base: desc table, then avail (with
/// used_event after ring[num]), then used at the next `align` boundary (with avail_event).
struct VringLayout {
  std::uint64_t num = 0;
  std::uint64_t align = 0;

  constexpr std::uint64_t desc(std::uint64_t i) const { return kVringDescSize * i; }
  constexpr std::uint64_t avail() const { return kVringDescSize * num; }
  constexpr std::uint64_t avail_flags() const { return avail(); }
  constexpr std::uint64_t avail_idx() const { return avail() + 2; }
  constexpr std::uint64_t avail_ring(std::uint64_t i) const { return avail() + 4 + 2 * i; }
  constexpr std::uint64_t used_event() const { return avail_ring(num); }
  constexpr std::uint64_t used() const { return vring_align_up(used_event() + 2, align); }
  constexpr std::uint64_t used_flags() const { return used(); }
  constexpr std::uint64_t used_idx() const { return used() + 2; }
  constexpr std::uint64_t used_ring_id(std::uint64_t i) const {
    return used() + 4 + kVringUsedElemSize * i;
  }
  constexpr std::uint64_t used_ring_len(std::uint64_t i) const { return used_ring_id(i) + 4; }
  constexpr std::uint64_t avail_event() const { return used_ring_id(num); }
  constexpr std::uint64_t size() const { return avail_event() + 2; }
};

// --- rpmsg (Linux virtio_rpmsg_bus.c) ---------------------------------------------------------
inline constexpr std::uint32_t kRpmsgHdrSrc = 0;      // u32
inline constexpr std::uint32_t kRpmsgHdrDst = 4;      // u32
inline constexpr std::uint32_t kRpmsgHdrReserved = 8; // u32
inline constexpr std::uint32_t kRpmsgHdrLen = 12;     // u16
inline constexpr std::uint32_t kRpmsgHdrFlags = 14;   // u16
inline constexpr std::uint32_t kRpmsgHdrSize = 16;
inline constexpr std::uint32_t kRpmsgPayload = 16;
inline constexpr std::uint32_t kRpmsgBufSize = 512;
inline constexpr std::uint32_t kRpmsgMaxPayload = kRpmsgBufSize - kRpmsgHdrSize;

inline constexpr std::uint32_t kRpmsgNameSize = 32; // RPMSG_NAME_SIZE
inline constexpr std::uint32_t kRpmsgNsName = 0;    // char name[32]
inline constexpr std::uint32_t kRpmsgNsAddr = 32;   // u32
inline constexpr std::uint32_t kRpmsgNsFlags = 36;  // u32
inline constexpr std::uint32_t kRpmsgNsMsgSize = 40;
inline constexpr std::uint32_t kRpmsgNsAddress = 53;           // RPMSG_NS_ADDR
inline constexpr std::uint32_t kRpmsgNsCreate = 0;             // RPMSG_NS_CREATE
inline constexpr std::uint32_t kRpmsgNsDestroy = 1;            // RPMSG_NS_DESTROY
inline constexpr std::uint32_t kRpmsgAddrAny = 0xFFFFFFFF;     // RPMSG_ADDR_ANY
inline constexpr std::uint32_t kRpmsgReservedAddresses = 1024; // RPMSG_RESERVED_ADDRESSES

} // namespace sim::sw::shm
