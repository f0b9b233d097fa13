# Empty dependencies file for gongshi_shared.
# This may be replaced when dependencies are built.
