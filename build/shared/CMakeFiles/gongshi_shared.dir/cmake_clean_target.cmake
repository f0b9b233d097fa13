file(REMOVE_RECURSE
  "libgongshi_shared.a"
)
