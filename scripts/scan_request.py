"""The body of a `POST /api/wines/scan` request, shared by the benchmark and the label-reading evaluation."""

import uuid


def front_label(image: bytes, filename: str = "label.jpeg") -> tuple[bytes, str]:
    """A multipart/form-data body holding `image` as `front_label`; answers the body and its Content-Type."""
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"front_label\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + image + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"
