import { ApiProperty } from '@nestjs/swagger';

/** How far the signed-in person is through a course's files. */
export class CourseProgressDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ description: 'Files of the course marked done' }) doneCount: number;
  @ApiProperty({ description: 'Files of the course' }) totalCount: number;
  @ApiProperty({ type: [String], format: 'uuid' }) doneMaterialIds: string[];
}

export class CourseProgressListDto {
  @ApiProperty({ type: [CourseProgressDto] }) items: CourseProgressDto[];
}
