package io.mailsync.plantspring.application;

import org.springframework.stereotype.Service;

@Service
public class AnnotatedUseCase {
}
