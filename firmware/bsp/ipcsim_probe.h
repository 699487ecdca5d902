/* SPDX-License-Identifier: Apache-2.0 */
/* ipcsim's probe port: the firmware's application tells the message ledger what became of a
   message after its endpoint callback (kept in a slot or a queue, taken, lost), as ipcsim's
   modelled applications do with their probes. The port is a page that exists only in the
   simulator (clusters.remote.core.probe_port; sim/run/firmware_probe_port.h has the register
   map); on silicon these calls must be compiled out (IPCSIM_PROBES undefined). A message is
   named by its endpoint and its bytes: report the bytes the endpoint got (kept) and the copy the
   application holds (taken, lost); a copy shorter than the message (a truncating slot) cannot be
   matched, and the ledger counts the report as unexpected. */
#ifndef IPCSIM_FW_PROBE_H
#define IPCSIM_FW_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "bsp.h"

#ifdef IPCSIM_PROBES
static inline void ipcsim_probe_address(uintptr_t reg, const void* p) {
  const uint64_t address = (uint64_t)(uintptr_t)p;
  mmio_write32(reg, (uint32_t)address);
  mmio_write32(reg + 4, (uint32_t)(address >> 32));
}
static inline void ipcsim_probe(uint32_t event, uint32_t dst, const void* data, size_t len,
                                const char* where, const char* reason) {
  mmio_write32(BSP_PROBE_PORT + 0x00, dst);
  mmio_write32(BSP_PROBE_PORT + 0x04, (uint32_t)len);
  ipcsim_probe_address(BSP_PROBE_PORT + 0x08, data);
  ipcsim_probe_address(BSP_PROBE_PORT + 0x10, where);
  ipcsim_probe_address(BSP_PROBE_PORT + 0x20, reason);
  mmio_write32(BSP_PROBE_PORT + 0x18, event); /* last: reports the message */
}
#else
static inline void ipcsim_probe(uint32_t event, uint32_t dst, const void* data, size_t len,
                                const char* where, const char* reason) {
  (void)event, (void)dst, (void)data, (void)len, (void)where, (void)reason;
}
#endif

/* The endpoint `dst` keeps the message it was handed (`data`, `len` as the callback got them)
   in the place named `where` ("rx_sc_msg slot", "queue"). */
static inline void ipcsim_app_kept(uint32_t dst, const void* data, size_t len, const char* where) {
  ipcsim_probe(1, dst, data, len, where, 0);
}
/* The application took a message (its copy, the same bytes) from where it kept it. */
static inline void ipcsim_app_taken(uint32_t dst, const void* data, size_t len) {
  ipcsim_probe(2, dst, data, len, 0, 0);
}
/* The application lost a message it kept (its copy), for `reason`: a drop reason of ipcsim's
   ledger ("slot_overwritten", "queue_full", "held_buffer_leaked"; docs/report.md). */
static inline void ipcsim_app_lost(uint32_t dst, const void* data, size_t len, const char* where,
                                   const char* reason) {
  ipcsim_probe(3, dst, data, len, where, reason);
}

/* The platform's notify: a kick for the peer was written to the mailbox, or found it busy and
   was dropped (what Zephyr's sample does when ipm_send fails). */
static inline void ipcsim_kick_sent(void) {
#ifdef IPCSIM_PROBES
  mmio_write32(BSP_PROBE_PORT + 0x18, 4);
#endif
}
static inline void ipcsim_kick_lost(void) {
#ifdef IPCSIM_PROBES
  mmio_write32(BSP_PROBE_PORT + 0x18, 5);
#endif
}

#endif
