#ifndef GONGSHI_ATOMIC_SWAP_H
#define GONGSHI_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS/EINVAL where the file system cannot do it).
int gongshi_exchange_paths(const char *first, const char *second);

/// Waits until everything written to the file system holding the open `descriptor` is on disk (Linux syncfs; sync
/// elsewhere). Returns 0 on success, or -1 with errno set.
int gongshi_sync_file_system(int descriptor);

/// Returns memory the program freed to the system (glibc malloc_trim); does nothing elsewhere.
void gongshi_release_free_memory(void);

/// Bytes of memory the program has allocated and not freed (glibc mallinfo2); 0 elsewhere.
unsigned long gongshi_heap_in_use(void);

#endif
